package io.durable.sample.app;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Where the build unpacked a server distribution from Maven Central. */
final class Distribution {

    private Distribution() {
    }

    /**
     * The distribution's folder, or a skipped test when the build was told not to download it.
     * Under {@code CI=true} a missing distribution fails the test instead: there the download is
     * part of the build and must work.
     *
     * @param property   the system property holding the folder
     * @param executable a file under the folder that must be executable
     * @param skipFlag   the Maven flag that skips the download, for the message
     */
    static Path home(String property, String executable, String skipFlag) {
        Path home = Path.of(System.getProperty(property));
        if (!Files.isExecutable(home.resolve(executable))) {
            assertFalse("true".equalsIgnoreCase(System.getenv("CI")), "No server at " + home + " under CI");
            Assumptions.abort("No server at " + home + " (mvn verify " + skipFlag + "): skipped");
        }
        return home;
    }
}
