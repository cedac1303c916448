package io.durable.sample.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** The sample WAR as built, with test classes added to {@code WEB-INF/classes}. */
final class SampleWithExtras {

    private SampleWithExtras() {
    }

    static Path build(Path target, List<Class<?>> extras) throws IOException {
        Files.createDirectories(target.getParent());
        try (ZipFile in = new ZipFile(Path.of(System.getProperty("sample.war")).toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : in.stream().toList()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream content = in.getInputStream(entry)) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
            for (Class<?> type : extras) {
                String name = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new ZipEntry("WEB-INF/classes/" + name));
                try (InputStream content = type.getClassLoader().getResourceAsStream(name)) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return target;
    }
}
