package io.durable.sample.app;

import io.durable.sample.portable.SampleServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;


/**
 * A domain of its own for a test on Payara Server or GlassFish (they share {@code asadmin} and the
 * layout of {@code domain.xml}): a copy of the distribution's {@code domain1} with every listener on
 * loopback and on ports below 32768 that are free now (the defaults stay free for others), the JMS
 * service disabled. Started and deployed to with {@code asadmin}; stopped with a real {@code kill -9}
 * of the server process, whose EJB timers live in its embedded database.
 */
final class AsadminDomain implements SampleServer {

    private static final String NAME = "it";
    private static final Duration ASADMIN_TIMEOUT = Duration.ofSeconds(150);
    /** Offsets from the base port, as {@code asadmin create-domain --portbase} assigns them. */
    private static final int[] OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};

    private final String name;
    private final Path home;
    private final Path domains;
    private final Path archive;
    private final int base;

    /**
     * @param name    the server's name and version, as the suite prints it
     * @param home    the distribution's folder (with {@code bin/asadmin})
     * @param work    this test's folder, emptied first
     * @param archive the application {@link #deploy} deploys
     */
    AsadminDomain(String name, Path home, Path work, Path archive) throws IOException {
        this.name = name;
        this.home = home;
        this.archive = archive;
        this.domains = work.resolve("domains");
        this.base = FreePorts.base(OFFSETS);
        ServerFiles.deleteTree(work);
        ServerFiles.copyTree(home.resolve("glassfish/domains/domain1"), domains.resolve(NAME));
        Path config = domains.resolve(NAME).resolve("config/domain.xml");
        Files.writeString(config, loopback(Files.readString(config)));
    }

    @Override
    public String name() {
        return name;
    }

    /** The sample EAR's REST API (context root {@code /sample}, set in this module's pom). */
    @Override
    public String api() {
        return "http://127.0.0.1:" + (base + 80) + "/sample/api/";
    }

    private String loopback(String xml) {
        String configured = xml
                .replace("port=\"8080\"", "port=\"" + (base + 80) + "\" address=\"127.0.0.1\"")
                .replace("port=\"8181\"", "port=\"" + (base + 81) + "\" address=\"127.0.0.1\"")
                .replace("port=\"4848\"", "port=\"" + (base + 48) + "\" address=\"127.0.0.1\"")
                .replace("address=\"0.0.0.0\" port=\"3700\"", "address=\"127.0.0.1\" port=\"" + (base + 37) + "\"")
                .replace("address=\"0.0.0.0\" port=\"3820\"", "address=\"127.0.0.1\" port=\"" + (base + 38) + "\"")
                .replace("address=\"0.0.0.0\" port=\"3920\"", "address=\"127.0.0.1\" port=\"" + (base + 39) + "\"")
                .replace("address=\"0.0.0.0\" port=\"8686\"", "address=\"127.0.0.1\" port=\"" + (base + 86) + "\"")
                .replace("address=9009", "address=127.0.0.1:" + (base + 9))
                .replace("address=*:9009", "address=127.0.0.1:" + (base + 9))
                .replace("telnet.port=6666", "telnet.port=" + (base + 66))
                .replace("start-port=\"5900\" das-port=\"4900\"",
                        "start-port=\"" + (base + 59) + "\" das-port=\"" + (base + 49) + "\" interface=\"127.0.0.1\"")
                // server-config has no jms-service: its broker proxy would listen on 0.0.0.0:7676
                .replaceFirst("value=\"7676\"", "value=\"" + (base + 76) + "\"")
                .replaceFirst("\n *</config>", "\n            <jms-service type=\"DISABLED\" default-jms-host=\"default_JMS_host\">"
                        + "<jms-host name=\"default_JMS_host\" host=\"127.0.0.1\" port=\"" + (base + 76) + "\" lazy-init=\"true\"/>"
                        + "</jms-service>\n        </config>")
                // the first java-config is server-config's (its JDBC driver option: Payara's H2, GlassFish's Derby):
                // H2's AUTO_SERVER and Payara's Hazelcast on loopback too
                .replaceFirst("<jvm-options>-Djdbc\\.drivers=[^<]*</jvm-options>",
                        "$0<jvm-options>-Dh2.bindAddress=127.0.0.1</jvm-options>"
                                + "<jvm-options>-Dhazelcast.socket.bind.any=false</jvm-options>"
                                + "<jvm-options>-Xmx512m</jvm-options>"
                                // the sample's named retry policies: neither Payara Server nor GlassFish (no
                                // MicroProfile Config here) show the engine in the EAR's lib/ the web module's
                                // microprofile-config.properties (see the README)
                                + RETRY_POLICIES);
        // default-config is the template of new instances, unused by this domain's server
        String server = configured.substring(0, Math.max(0, configured.indexOf("name=\"default-config\"")));
        if (server.isEmpty() || server.contains("\"0.0.0.0\"") || server.contains("port=\"8080\"")
                || !server.contains("<jms-service type=\"DISABLED\"")) {
            throw new IllegalStateException("domain1 of this server version has listeners this test does not know");
        }
        return configured;
    }

    /** The sample's retry policies as system properties, as its microprofile-config.properties has them. */
    private static final String RETRY_POLICIES = java.util.stream.Stream.of(
                    "durable.retry.provider.max-attempts=8", "durable.retry.provider.initial-delay=PT0.2S",
                    "durable.retry.provider.max-delay=PT2S", "durable.retry.provider.multiplier=2",
                    "durable.retry.crm.max-attempts=6", "durable.retry.crm.initial-delay=PT0.2S",
                    "durable.retry.crm.max-delay=PT2S", "durable.retry.crm.multiplier=2")
            .map(setting -> "<jvm-options>-D" + setting + "</jvm-options>")
            .collect(java.util.stream.Collectors.joining());

    @Override
    public void start() throws IOException, InterruptedException {
        asadmin("start-domain", "--domaindir", domains.toString(), NAME);
    }

    @Override
    public void deploy() throws IOException, InterruptedException {
        asadmin("--port", String.valueOf(base + 48), "deploy", archive.toString());
    }

    /**
     * A real {@code kill -9} of the server process; returns once it is gone. The process is the one in
     * the domain's pid file or, where the server had not written it yet (a start that timed out), the
     * one whose command line names this test's own domain folder: no other process is touched.
     */
    @Override
    public void kill() throws IOException {
        ServerFiles.kill(domains.resolve(NAME).resolve("config/pid"), this::runsThisDomain);
    }

    private boolean runsThisDomain(ProcessHandle process) {
        String domain = domains.resolve(NAME).toAbsolutePath().toString();
        return process.info().commandLine().map(line -> line.contains(domain)).orElse(false);
    }

    Path serverLog() {
        return domains.resolve(NAME).resolve("logs/server.log");
    }

    @Override
    public void close() throws IOException {
        kill();
    }

    private void asadmin(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/asadmin").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(domains.getParent().resolve("asadmin.log").toFile());
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        // how long start-domain waits for the server (ms; 60 s by default): a restart deploys the EAR again,
        // which takes longer than that on a loaded machine
        builder.environment().put("AS_START_TIMEOUT", String.valueOf(ASADMIN_TIMEOUT.minusSeconds(10).toMillis()));
        Process process = builder.start();
        if (!process.waitFor(ASADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " took longer than " + ASADMIN_TIMEOUT);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " failed: "
                    + Files.readString(domains.getParent().resolve("asadmin.log")));
        }
    }

}
