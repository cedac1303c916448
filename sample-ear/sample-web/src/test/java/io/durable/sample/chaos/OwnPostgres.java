package io.durable.sample.chaos;

import io.durable.sample.LoopbackPorts;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster that the chaos tests own: its own data folder and a port of its own on
 * 127.0.0.1, so restarting it disturbs no one else. {@code initdb} refuses root, so as root the
 * server runs as the {@code postgres} user.
 */
final class OwnPostgres implements AutoCloseable {

    private static final Path BIN = binaries();

    private final Path data;
    private final Path log;
    private final int port;

    private OwnPostgres(Path folder, int port) {
        this.data = folder.resolve("data");
        this.log = folder.resolve("postgres.log");
        this.port = port;
    }

    /**
     * Creates a cluster in {@code folder} (which must not exist) and starts it. Without PostgreSQL's
     * server programs the test is skipped with a message; under CI ({@code CI=true}) it fails.
     */
    static OwnPostgres start(Path folder) throws IOException, InterruptedException {
        if (BIN == null) {
            String message = "No PostgreSQL server programs under /usr/lib/postgresql/*/bin: the chaos tests start a"
                    + " PostgreSQL of their own (install the postgresql package)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; under CI they are mandatory");
            }
            Assumptions.abort(message);
        }
        Files.createDirectories(folder);
        OwnPostgres postgres = new OwnPostgres(folder, LoopbackPorts.free(1));
        if (asRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", folder.toString()));
        }
        run(postgres.asPostgres(BIN.resolve("initdb").toString(), "-D", postgres.data.toString(), "-A", "trust",
                "-U", "postgres", "--no-sync", "-E", "UTF8"));
        postgres.startServer();
        return postgres;
    }

    int port() {
        return port;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database) + "?ApplicationName=chaos-check", "postgres", "");
    }

    void createDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    /**
     * Terminates every session of the given databases but this test's own: what a DBA's
     * {@code pg_terminate_backend} or a failover does to an application's pool.
     *
     * @return how many sessions were terminated
     */
    int terminateSessions(List<String> databases) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE datname IN ('" + String.join("','", databases) + "') AND pid <> pg_backend_pid()"
                     + " AND application_name NOT LIKE 'chaos-check%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Stops the server as an administrator would (fast: sessions are ended, work rolls back). */
    void stop() throws IOException, InterruptedException {
        run(asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
    }

    void startServer() throws IOException, InterruptedException {
        run(asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + data + " -c fsync=off -c max_connections=200",
                "start"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            run(asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "-t", "60",
                    "stop"));
        }
    }

    private List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    /** The newest installed PostgreSQL's server programs (Debian's layout), or null. */
    private static Path binaries() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
