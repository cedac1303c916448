package io.durable.sample.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** What every test server of this module does with its folder and its process. */
final class ServerFiles {

    private ServerFiles() {
    }

    /** Copies a folder of the distribution (a domain, a server template) into the test's own. */
    static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }

    /** Deletes a test's folder, if there is one, before a new test server is made in it. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * A real {@code kill -9} of a server process; returns once it is gone. The process is the one in the
     * pid file or, where the server had not written it yet (a start that timed out), the first whose
     * command line the test recognises as its own: no other process is touched. The pid file goes.
     */
    static void kill(Path pidFile, Predicate<ProcessHandle> ours) throws IOException {
        Optional<ProcessHandle> server = Files.exists(pidFile)
                ? ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                : ProcessHandle.allProcesses().filter(ours).findFirst();
        server.ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
        Files.deleteIfExists(pidFile);
    }
}
