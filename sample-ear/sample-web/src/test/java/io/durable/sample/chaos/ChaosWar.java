package io.durable.sample.chaos;

import io.durable.sample.chaos.war.ChaosTick;
import io.durable.sample.chaos.war.ChaosTickSteps;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The sample WAR on PostgreSQL: the sample as built, with its embedded-H2 datasource replaced by one
 * of the chaos tests' PostgreSQL datasources, the PostgreSQL driver in {@code WEB-INF/lib} and the
 * {@link ChaosTick} schedule added. The sample itself keeps H2 as its default.
 */
final class ChaosWar {

    private static final String SAMPLE_DATASOURCE = "WEB-INF/classes/io/durable/sample/SampleDataSource.class";

    private ChaosWar() {
    }

    /**
     * Writes the WAR.
     *
     * @param datasource the {@code @DataSourceDefinition} class to package
     * @param target     where to write it
     */
    static Path build(Class<?> datasource, Path target) throws IOException {
        Path sample = Path.of(System.getProperty("sample.war"));
        Files.createDirectories(target.getParent());
        try (ZipFile in = new ZipFile(sample.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : in.stream().toList()) {
                if (entry.getName().equals(SAMPLE_DATASOURCE)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream content = in.getInputStream(entry)) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
            for (Class<?> type : List.of(datasource, ChaosTick.class, ChaosTickSteps.class)) {
                String name = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new ZipEntry("WEB-INF/classes/" + name));
                try (InputStream content = type.getClassLoader().getResourceAsStream(name)) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("WEB-INF/lib/postgresql.jar"));
            copy(jarOf(org.postgresql.Driver.class), out);
            out.closeEntry();
        }
        return target;
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path file, OutputStream out) throws IOException {
        try (InputStream content = Files.newInputStream(file)) {
            content.transferTo(out);
        }
    }
}
