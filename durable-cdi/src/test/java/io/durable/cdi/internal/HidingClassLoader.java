package io.durable.cdi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A class loader that plays a server without some API: it refuses the hidden packages and loads the
 * engine's own classes (those under a prefix) itself, so they link against what it lets through.
 */
public final class HidingClassLoader extends ClassLoader {

    private final String ownPrefix;
    private final List<String> hidden;

    /**
     * @param parent    where everything else comes from
     * @param ownPrefix the package prefix of the classes it loads itself, e.g. {@code io.durable.cdi.internal.}
     * @param hidden    the package prefixes it refuses
     */
    public HidingClassLoader(ClassLoader parent, String ownPrefix, List<String> hidden) {
        super(parent);
        this.ownPrefix = ownPrefix;
        this.hidden = List.copyOf(hidden);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        for (String prefix : hidden) {
            if (name.startsWith(prefix)) {
                throw new ClassNotFoundException(name + " (hidden, as on a server without that API)");
            }
        }
        if (!name.startsWith(ownPrefix)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    loaded = defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }
}
