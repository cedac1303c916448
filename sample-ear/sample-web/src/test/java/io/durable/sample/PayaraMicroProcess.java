package io.durable.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The sample as a real Payara Micro process on loopback, with its data in a root folder that
 * survives restarts. Killed with a real {@code kill -9}.
 */
final class PayaraMicroProcess implements AutoCloseable {

    private final Path root;
    private final List<String> systemProperties;
    private final int port;
    private Process process;
    private int starts;

    PayaraMicroProcess(Path root, List<String> systemProperties) throws IOException {
        this.root = root;
        this.systemProperties = systemProperties;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            this.port = socket.getLocalPort();
        }
        Files.createDirectories(root.resolve("data"));
        Files.createDirectories(root.resolve("deploy"));
        Files.createDirectories(root.resolve("unpack"));
        Files.copy(Path.of(System.getProperty("sample.war")), root.resolve("deploy/sample-web.war"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(root.resolve("preboot.txt"), "set configs.config.server-config.network-config."
                + "network-listeners.network-listener.http-listener.address=127.0.0.1\n");
    }

    Path h2File() {
        return root.resolve("data/durable-sample");
    }

    String api() {
        return "http://127.0.0.1:" + port + "/sample-web/api/";
    }

    /**
     * Starts the server on a fresh instance root whose {@code data} folder is the one kept across
     * restarts: a reused root would deploy the application twice (once recorded, once given).
     */
    void start() throws IOException {
        starts++;
        Path instance = root.resolve("root-" + starts);
        Files.createDirectories(instance);
        Files.createSymbolicLink(instance.resolve("data"), root.resolve("data"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dhazelcast.socket.bind.any=false", "-Dh2.bindAddress=127.0.0.1"));
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--rootdir", instance.toString(),
                "--unpackdir", root.resolve("unpack").toString(),
                "--deploymentDir", root.resolve("deploy").toString(),
                "--prebootcommandfile", root.resolve("preboot.txt").toString(),
                "--disablephonehome", "--interfaces", "127.0.0.1", "--clustermode", "tcpip:127.0.0.1:6900",
                "--port", Integer.toString(port)));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("server-" + starts + ".log").toFile())
                .start();
        Http http = new Http(api());
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .failFast("Payara Micro exited; see " + root.resolve("server-" + starts + ".log"), () -> !process.isAlive())
                .until(() -> http.get("runs?limit=1").status() == 200);
    }

    /**
     * What the server printed during one of its starts.
     *
     * @param start 1 for the first start, 2 for the second, ...
     */
    String log(int start) throws IOException {
        return Files.readString(root.resolve("server-" + start + ".log"));
    }

    /** A real SIGKILL: no shutdown hook, no lease release, nothing flushed. */
    void kill9() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -9 " + process.pid() + " failed");
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Payara Micro survived kill -9");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
