package io.durable.sample.app;

import io.durable.sample.portable.SampleServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A WildFly standalone server of its own for a test: the distribution's {@code standalone/} folder
 * copied under the test's folder ({@code -Djboss.server.base.dir}), configured offline with
 * {@code jboss-cli} (Jakarta Security with the application's own identity store), started with
 * {@code standalone.xml} (the configuration with the EJB subsystem) on 127.0.0.1 and a port offset
 * whose ports are all free and below 32768. Deploys by copying the archive into {@code deployments/}
 * and waiting for the scanner's {@code .deployed} (or {@code .failed}) marker; stopped with a real
 * {@code kill -9} of the server's java process (not of the {@code standalone.sh} wrapper). Its
 * persistent EJB timers live in a file store under the server folder's {@code data/}.
 */
final class WildFlyServer implements SampleServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(240);
    /** The configuration with the EJB subsystem ({@code standalone-microprofile.xml} has none). */
    private static final String CONFIG = "standalone.xml";
    /** The server's ports without offset: ajp, http, https, management http and https, transactions. */
    private static final int[] PORTS = {8009, 8080, 8443, 9990, 9993, 4712, 4713};
    /**
     * Configuration for Jakarta Security ({@code @BasicAuthenticationMechanismDefinition} with the
     * application's {@code IdentityStore}): the documented way is to turn integrated JASPI off on the
     * application security domain the deployment uses ({@code other}), so the server builds an ad hoc
     * identity from what the application's mechanism validated instead of looking the caller up in
     * its own {@code ApplicationDomain} realm.
     */
    private static final List<String> CLI_SETUP = List.of(
            "/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,value=false)");

    private final String name;
    private final Path home;
    private final Path work;
    private final Path base;
    private final Path archive;
    private final int offset;
    private Process wrapper;
    private long logLengthAtStart;

    /**
     * @param name    the server's name and version, as the suite prints it
     * @param home    the distribution's folder (with {@code bin/standalone.sh})
     * @param work    this test's folder, emptied first; the server's working folder (the sample's H2 file is under it)
     * @param archive the application {@link #deploy} deploys
     */
    WildFlyServer(String name, Path home, Path work, Path archive) throws IOException, InterruptedException {
        this.name = name;
        this.home = home;
        this.work = work;
        this.archive = archive;
        this.base = work.resolve("standalone");
        this.offset = FreePorts.base(PORTS);
        ServerFiles.deleteTree(work);
        ServerFiles.copyTree(home.resolve("standalone"), base);
        configure();
    }

    @Override
    public String name() {
        return name;
    }

    /** The sample EAR's REST API (context root {@code /sample}, set in this module's pom). */
    @Override
    public String api() {
        return "http://127.0.0.1:" + (8080 + offset) + "/sample/api/";
    }

    /** Applies {@link #CLI_SETUP} to this server's configuration with an embedded (offline) server. */
    private void configure() throws IOException, InterruptedException {
        Path script = work.resolve("setup.cli");
        Files.write(script, Stream.concat(Stream.concat(
                        Stream.of("embed-server --server-config=" + CONFIG + " --std-out=discard"),
                        CLI_SETUP.stream()), Stream.of("stop-embedded-server")).toList());
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--file=" + script)
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("jboss-cli.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-Djboss.server.base.dir=" + base);
        Process cli = builder.start();
        if (!cli.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            cli.destroyForcibly();
            throw new IllegalStateException("jboss-cli took longer than " + START_TIMEOUT);
        }
        if (cli.exitValue() != 0) {
            throw new IllegalStateException("jboss-cli failed: " + Files.readString(work.resolve("jboss-cli.log")));
        }
    }

    /** Starts the server and returns once it reports it started (with or without failed deployments). */
    @Override
    public void start() throws IOException {
        Path log = serverLog();
        logLengthAtStart = Files.exists(log) ? Files.size(log) : 0;
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-c", CONFIG, "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset));
        command.addAll(RETRY_POLICIES);
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("console.log").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-Xmx512m -Djava.net.preferIPv4Stack=true");
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        wrapper = builder.start();
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> startedSinceStart() || !wrapper.isAlive());
        if (!startedSinceStart()) {
            throw new IllegalStateException("WildFly ended before it started: " + Files.readString(work.resolve("console.log")));
        }
    }

    private boolean startedSinceStart() throws IOException {
        Path log = serverLog();
        if (!Files.exists(log) || Files.size(log) <= logLengthAtStart) {
            return false;
        }
        byte[] all = Files.readAllBytes(log);
        String added = new String(all, (int) logLengthAtStart, all.length - (int) logLengthAtStart, StandardCharsets.UTF_8);
        // WFLYSRV0025: started; WFLYSRV0026: started with failed or missing services
        return added.contains("WFLYSRV0025") || added.contains("WFLYSRV0026");
    }

    /** Copies the archive into {@code deployments/} and waits for the scanner's marker. */
    @Override
    public void deploy() throws IOException {
        Path deployments = base.resolve("deployments");
        String file = archive.getFileName().toString();
        Files.copy(archive, deployments.resolve(file + ".part"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(deployments.resolve(file + ".part"), deployments.resolve(file), StandardCopyOption.ATOMIC_MOVE);
        await().atMost(DEPLOY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> Files.exists(deployments.resolve(file + ".deployed"))
                        || Files.exists(deployments.resolve(file + ".failed")));
        if (Files.exists(deployments.resolve(file + ".failed"))) {
            throw new IllegalStateException("WildFly failed to deploy " + file + ": "
                    + Files.readString(deployments.resolve(file + ".failed")));
        }
    }

    /**
     * A real {@code kill -9} of the server's java process, found as a descendant of the wrapper this
     * test started or, failing that, as the process whose command line names this test's server folder:
     * no other process is touched. Returns once it and the wrapper are gone.
     */
    @Override
    public void kill() {
        Optional<ProcessHandle> java = wrapper == null ? Optional.empty()
                : wrapper.descendants().filter(this::runsThisServer).findFirst();
        if (java.isEmpty()) {
            java = ProcessHandle.allProcesses().filter(this::runsThisServer).findFirst();
        }
        java.ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
        if (wrapper != null) {
            wrapper.destroyForcibly();
            wrapper.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    private boolean runsThisServer(ProcessHandle process) {
        return process.info().commandLine()
                .map(line -> line.contains("jboss-modules.jar") && line.contains("-Djboss.server.base.dir=" + base))
                .orElse(false);
    }

    Path serverLog() {
        return base.resolve("log/server.log");
    }

    @Override
    public void close() {
        kill();
    }

    /** The sample's retry policies as system properties, as its microprofile-config.properties has them. */
    private static final List<String> RETRY_POLICIES = Stream.of(
                    "durable.retry.provider.max-attempts=8", "durable.retry.provider.initial-delay=PT0.2S",
                    "durable.retry.provider.max-delay=PT2S", "durable.retry.provider.multiplier=2",
                    "durable.retry.crm.max-attempts=6", "durable.retry.crm.initial-delay=PT0.2S",
                    "durable.retry.crm.max-delay=PT2S", "durable.retry.crm.multiplier=2")
            .map(setting -> "-D" + setting)
            .collect(Collectors.toList());
}
