package io.durable.sample;

import io.durable.sample.portable.SampleServer;

import java.io.IOException;
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
 * survives restarts. Killed with a real {@code kill -9}, frozen with {@code SIGSTOP}.
 */
public final class PayaraMicroProcess implements SampleServer {

    /**
     * The data grid a process joins: a cluster name of its own and the first port of its member,
     * and the port of the member it looks for (itself, or the first node of a cluster).
     */
    public record Cluster(String name, int startPort, int memberPort) {
        /**
         * A data grid of one: a name of its own and free ports, so the process joins no other test's
         * grid (a Payara Micro of another build on Payara's default 6900 made a start fail to join).
         */
        public static Cluster alone(String name) {
            int port = LoopbackPorts.free(3);
            return new Cluster(name + "-" + java.util.UUID.randomUUID(), port, port);
        }
    }

    private final Path root;
    private final List<String> systemProperties;
    private final Cluster cluster;
    private final int port;
    private Process process;
    private int starts;

    PayaraMicroProcess(Path root, List<String> systemProperties) throws IOException {
        this(root, Path.of(System.getProperty("sample.war")), systemProperties, Cluster.alone("sample"), LoopbackPorts.free(1));
    }

    /**
     * A process of its own.
     *
     * @param root             its folder: data, deployments, logs
     * @param war              the application, deployed as {@code sample-web}
     * @param systemProperties {@code -D} options (the engine's settings)
     * @param cluster          the data grid it joins
     * @param port             its HTTP port on 127.0.0.1
     */
    public PayaraMicroProcess(Path root, Path war, List<String> systemProperties, Cluster cluster, int port)
            throws IOException {
        this.root = root;
        this.systemProperties = systemProperties;
        this.cluster = cluster;
        this.port = port;
        Files.createDirectories(root.resolve("data"));
        Files.createDirectories(root.resolve("deploy"));
        Files.createDirectories(root.resolve("unpack"));
        Files.copy(war, root.resolve("deploy/sample-web.war"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(root.resolve("preboot.txt"), "set configs.config.server-config.network-config."
                + "network-listeners.network-listener.http-listener.address=127.0.0.1\n");
    }

    Path h2File() {
        return root.resolve("data/durable-sample");
    }

    @Override
    public String name() {
        return "Payara Micro " + System.getProperty("payara.version", "") + " (WAR)";
    }

    @Override
    public String api() {
        return "http://127.0.0.1:" + port + "/sample-web/api/";
    }

    /**
     * Starts the server on a fresh instance root whose {@code data} folder is the one kept across
     * restarts: a reused root would deploy the application twice (once recorded, once given).
     */
    @Override
    public void start() throws IOException {
        launch();
        awaitReady();
    }

    /** Starts the process and returns at once; {@link #awaitReady} waits for the application. */
    public void launch() throws IOException {
        starts++;
        Path instance = root.resolve("root-" + starts);
        Files.createDirectories(instance);
        Files.createSymbolicLink(instance.resolve("data"), root.resolve("data"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dhazelcast.socket.bind.any=false", "-Dh2.bindAddress=127.0.0.1",
                // the customer sync's CRM is the fake one in this very server (configuration, never input)
                "-Dsample.crm.api-base=" + api() + "fake-crm"));
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--rootdir", instance.toString(),
                "--unpackdir", root.resolve("unpack").toString(),
                "--deploymentDir", root.resolve("deploy").toString(),
                "--prebootcommandfile", root.resolve("preboot.txt").toString(),
                "--disablephonehome", "--interfaces", "127.0.0.1",
                "--clustermode", "tcpip:127.0.0.1:" + cluster.memberPort(),
                "--port", Integer.toString(port)));
        command.addAll(List.of("--clustername", cluster.name(), "--startport", Integer.toString(cluster.startPort())));
        process = new ProcessBuilder(command)
                // the sample's H2 lives in ./data: the instance root links it to the folder kept across restarts
                .directory(instance.toFile())
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("server-" + starts + ".log").toFile())
                .start();
    }

    /** Waits, at most four minutes, until the application answers. */
    public void awaitReady() {
        Http http = new Http(api());
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .failFast("Payara Micro exited; see " + root.resolve("server-" + starts + ".log"), () -> !process.isAlive())
                .until(() -> http.get("durable/runs?limit=1").status() == 200);
    }

    /** What the server printed since its latest start. */
    public String log() throws IOException {
        return log(starts);
    }

    /**
     * What the server printed during one of its starts.
     *
     * @param start 1 for the first start, 2 for the second, ...
     */
    public String log(int start) throws IOException {
        return Files.readString(root.resolve("server-" + start + ".log"));
    }

    /** Nothing: {@link #start} deploys the sample from the deployment folder. */
    @Override
    public void deploy() {
    }

    @Override
    public void kill() throws IOException, InterruptedException {
        kill9();
    }

    /** A real SIGKILL: no shutdown hook, no lease release, nothing flushed. */
    public void kill9() throws IOException, InterruptedException {
        signal("-9");
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Payara Micro survived kill -9");
        }
    }

    /** SIGSTOP: the whole process stops where it is, as a node in a long GC pause or a frozen VM. */
    public void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** SIGCONT: a frozen process goes on as if nothing happened. */
    public void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            try {
                thaw();
            } catch (IOException e) {
                // a frozen process is killed below all the same
            }
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
