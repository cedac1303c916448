package io.durable.sample.app;

import io.durable.sample.Http;
import io.durable.sample.portable.SampleServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * An Open Liberty server of the test's own for the sample EAR: its user folder ({@code WLP_USER_DIR})
 * under the test's folder, never inside the unpacked distribution; Jakarta EE 10 and MicroProfile 6.1;
 * every endpoint on 127.0.0.1 on ports below 32768 that are free now. Liberty ships no JDBC driver and no
 * default datasource: its {@code DefaultDataSource}, where the EJB module's persistent timers live, is an
 * embedded Derby from Maven Central (H2 fails there, see PAYARA-NOTES.md); the sample's own datasource
 * is H2, whose driver Liberty loads only from a shared library (the global one), not from the EAR. A
 * basic registry is configured because without a user registry Liberty starts no application
 * (CWWKS9660E); the sample's callers log in through its own identity store. Started with
 * {@code bin/server start}, deployed by moving the EAR into {@code apps/} and declaring it, stopped with
 * a real {@code kill -9} of the server's java process. Why each setting: docs/decisions.md, "Open Liberty".
 */
final class LibertyServer implements SampleServer {

    private static final String NAME = "it";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(240);
    /** Offsets from the base port: HTTP, HTTPS, IIOP, IIOPS, JMS, JMS over SSL, the server's command port. */
    private static final int HTTP = 80, HTTPS = 43, IIOP = 9, IIOPS = 10, JMS = 76, JMSS = 86, COMMAND = 20;

    /** Liberty resolves the {@code it.*} variables from this server's bootstrap.properties. */
    private static final String SERVER_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <server description="the durable sample, OpenLibertyIT">
                <featureManager>
                    <feature>jakartaee-10.0</feature>
                    <feature>microProfile-6.1</feature>
                </featureManager>

                <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="${it.http.port}" httpsPort="${it.https.port}"/>
                <iiopEndpoint id="defaultIiopEndpoint" host="127.0.0.1" iiopPort="${it.iiop.port}">
                    <iiopsOptions iiopsPort="${it.iiops.port}" sslRef="defaultSSLConfig"/>
                </iiopEndpoint>
                <wasJmsEndpoint id="InboundJmsCommsEndpoint" host="127.0.0.1" wasJmsPort="${it.jms.port}" wasJmsSSLPort="${it.jmss.port}"/>
                <!-- the ORB's CSIv2 needs an SSL configuration, or no application starts (CWWKS9582E) -->
                <keyStore id="defaultKeyStore" password="durable-it-only"/>
                <ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore" trustDefaultCerts="true"/>

                <!-- no application starts without a user registry; the sample authenticates through its own identity store -->
                <basicRegistry id="basic" realm="durable-it"/>

                <!-- the EJB module's persistent timers live in the defaultDatabaseStore, on DefaultDataSource -->
                <library id="derby">
                    <fileset dir="${it.lib.dir}/derby" includes="*.jar"/>
                </library>
                <!-- Liberty loads the driver of an application's @DataSourceDefinition only from a shared library,
                     not from the application (J2CA8022E): the global one serves every application without a
                     classloader element, as the sample's is -->
                <library id="global">
                    <fileset dir="${it.lib.dir}/h2" includes="*.jar"/>
                </library>
                <dataSource id="DefaultDataSource">
                    <jdbcDriver libraryRef="derby"/>
                    <properties.derby.embedded databaseName="${server.output.dir}/data/timers" createDatabase="create"/>
                </dataSource>

                <applicationManager autoExpand="true"/>
                <applicationMonitor dropinsEnabled="false" updateTrigger="polled" pollingRate="500ms"/>
                <config monitorInterval="500ms"/>
            </server>
            """;

    /** The sample's retry policies as system properties, as its microprofile-config.properties has them. */
    private static final List<String> RETRY_POLICIES = List.of(
            "durable.retry.provider.max-attempts=8", "durable.retry.provider.initial-delay=PT0.2S",
            "durable.retry.provider.max-delay=PT2S", "durable.retry.provider.multiplier=2",
            "durable.retry.crm.max-attempts=6", "durable.retry.crm.initial-delay=PT0.2S",
            "durable.retry.crm.max-delay=PT2S", "durable.retry.crm.multiplier=2");

    private final String name;
    private final Path home;
    private final Path work;
    private final Path userDir;
    private final Path serverDir;
    private final Path archive;
    private final int base;

    /**
     * @param name      the server's name and version, as the suite prints it
     * @param home      the distribution's {@code wlp} folder (with {@code bin/server})
     * @param work      this test's folder, emptied first
     * @param libraries the folder holding the server's JDBC drivers: {@code derby/} for {@code DefaultDataSource},
     *                  {@code h2/} for the sample's datasource
     * @param archive   the EAR {@link #deploy} deploys
     */
    LibertyServer(String name, Path home, Path work, Path libraries, Path archive) throws IOException {
        this.name = name;
        this.home = home;
        this.work = work.toAbsolutePath();
        this.archive = archive;
        this.userDir = this.work.resolve("usr");
        this.serverDir = userDir.resolve("servers").resolve(NAME);
        this.base = FreePorts.base(HTTP, HTTPS, IIOP, IIOPS, JMS, JMSS, COMMAND);
        ServerFiles.deleteTree(this.work);
        Files.createDirectories(serverDir);
        Files.writeString(serverDir.resolve("server.xml"), SERVER_XML);
        Files.writeString(serverDir.resolve("bootstrap.properties"), String.join("\n",
                "it.http.port=" + (base + HTTP), "it.https.port=" + (base + HTTPS),
                "it.iiop.port=" + (base + IIOP), "it.iiops.port=" + (base + IIOPS),
                "it.jms.port=" + (base + JMS), "it.jmss.port=" + (base + JMSS),
                // the port `server stop` talks to (by default an ephemeral one, in the range to avoid)
                "command.port=" + (base + COMMAND),
                "it.lib.dir=" + libraries.toAbsolutePath()) + "\n");
        Files.writeString(serverDir.resolve("jvm.options"), Stream.concat(
                        // names this test's server folder on the java command line: kill() finds the process by it
                        Stream.of("-Xmx512m", "-Ddurable.it.server=" + serverDir),
                        // the sample's named retry policies, as on Payara Server and GlassFish for an EAR (see the README)
                        RETRY_POLICIES.stream().map(setting -> "-D" + setting))
                .collect(Collectors.joining("\n", "", "\n")));
    }

    @Override
    public String name() {
        return name;
    }

    /** The sample EAR's REST API (context root {@code /sample}, set in this module's pom). */
    @Override
    public String api() {
        return "http://127.0.0.1:" + (base + HTTP) + "/sample/api/";
    }

    /** Starts the server; returns once {@code bin/server start} reports it started (with the EAR, if deployed). */
    @Override
    public void start() throws IOException, InterruptedException {
        server("start");
    }

    /**
     * Moves the EAR into {@code apps/} in one step and then declares it in a configuration drop-in, which the
     * running server picks up; returns when the sample's API answers an operator. Declared rather than dropped
     * into {@code dropins/} for {@code annotationScanLibrary="earLibraries"}: Liberty scans no jar of an EAR's
     * {@code lib/} for web annotations and initializers otherwise, and the engine starts with the web module
     * through its {@code ServletContainerInitializer} there (see docs/decisions.md, "Open Liberty").
     */
    @Override
    public void deploy() throws IOException {
        Path staged = work.resolve(archive.getFileName());
        Files.copy(archive, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(serverDir.resolve("apps"));
        Files.move(staged, serverDir.resolve("apps").resolve(archive.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        Path overrides = Files.createDirectories(serverDir.resolve("configDropins/overrides"));
        Files.writeString(overrides.resolve("sample-app.xml"), """
                <server>
                    <enterpriseApplication id="sample-app" name="sample-app" location="%s" annotationScanLibrary="earLibraries"/>
                </server>
                """.formatted(archive.getFileName()));
        Http api = new Http(api());
        await().atMost(DEPLOY_TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> api.get("durable/runs").status() == 200);
    }

    /**
     * A real {@code kill -9} of the server's java process; returns once it is gone. The process is the one
     * in the server's pid file or, where it had not written one yet, the one whose command line names this
     * test's own server folder: no other process is touched.
     */
    @Override
    public void kill() throws IOException {
        ServerFiles.kill(pidFile(), this::runsThisServer);
    }

    private Path pidFile() {
        return userDir.resolve("servers/.pid").resolve(NAME + ".pid");
    }

    private boolean runsThisServer(ProcessHandle process) {
        return process.info().commandLine().map(line -> line.contains("-Ddurable.it.server=" + serverDir)).orElse(false);
    }

    /** Every messages log the server wrote (Liberty renames the previous one at each start). */
    String messages() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> logs = Files.list(serverDir.resolve("logs"))) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("messages")).sorted().toList()) {
                all.append(Files.readString(log));
            }
        }
        return all.toString();
    }

    @Override
    public void close() throws IOException {
        kill();
    }

    private void server(String action) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/server").toString(), action, NAME));
        Path log = work.resolve("server-" + action + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("WLP_USER_DIR", userDir.toString());
        Process process = builder.start();
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("server " + action + " took longer than " + COMMAND_TIMEOUT);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("server " + action + " failed (" + process.exitValue() + "): " + Files.readString(log));
        }
    }

}
