package io.durable.bench.compare;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The engine on the server path: this program assembles a WAR from its own classpath (the engine's
 * jars, Flyway, the PostgreSQL driver and the in-server driver {@code io.durable.bench.server}),
 * starts Payara Micro on it against the benchmark's database {@code durable_server_bench}, and asks
 * the in-server driver for N runs of K steps from C managed threads and for lone runs; interleaved with
 * raw JDBC and DBOS in this JVM as in {@link Compare}. Lone runs are measured twice, as in
 * {@link Compare}: each library on its own, then taking turns run by run with DBOS ({@code lone-rr}),
 * each of the engine's runs one request to the in-server driver, which times it itself. Prints the
 * same CSV and summary.
 *
 * <p>Arguments as {@link Compare}. System properties as {@link Compare}, and {@code bench.payara}
 * (the Payara Micro jar; default: version 6.2025.10 in the local Maven repository).
 */
public final class ServerBench {

    private static final String DATABASE = "durable_server_bench";

    private ServerBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int[] shapes = args.length > 1 ? Compare.shapes(args[1]) : new int[]{1, 10, 100};
        int lone = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        int loneSteps = Integer.getInteger("bench.lone-steps", 10);
        boolean stats = Boolean.parseBoolean(System.getProperty("bench.stats", "true"));
        List<String> only = Arrays.asList(System.getProperty("bench.only", "raw,dbos,dbos32,server").split(","));
        java.util.logging.LogManager.getLogManager().reset();
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        CountingDriver.install();
        PgStats pg = new PgStats(System.getProperty("bench.server", "127.0.0.1:5432"),
                System.getProperty("bench.user", "postgres"));
        Compare.Runner runner = new Compare.Runner(pg, stats, Long.getLong("bench.timeout", 900));

        System.out.printf("# ServerBench: N=%d K=%s C=%d lone=%d x %d steps, stats=%s, java %s, %d cpus, load %s%n", n,
                Arrays.toString(shapes), concurrency, lone, loneSteps, stats, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), PgStats.load());
        Path dir = Files.createTempDirectory("durable-server-bench");
        pg.recreate(DATABASE);
        try (Payara server = Payara.start(dir, war(dir), concurrency)) {
            System.out.println(Measurement.header());
            List<Measurement> all = new ArrayList<>();
            for (int k : shapes) {
                Map<String, Measurement> shape = new LinkedHashMap<>();
                others(shape, only, pg, concurrency, s -> runner.throughput(s, k, n, concurrency));
                if (only.contains("server")) {
                    shape.put("server", server.measure(pg, stats, "throughput", k, n, concurrency));
                }
                Compare.print(shape, all);
            }
            if (lone > 0) {
                Map<String, Measurement> shape = new LinkedHashMap<>();
                others(shape, only, pg, concurrency, s -> runner.lone(s, loneSteps, lone));
                if (only.contains("server")) {
                    shape.put("server", server.measure(pg, stats, "lone", loneSteps, lone, 1));
                }
                Compare.print(shape, all);
                List<Subject> side = new ArrayList<>();
                if (only.contains("dbos")) {
                    side.add(new Dbos(pg, 0));
                }
                if (only.contains("dbos32")) {
                    side.add(new Dbos(pg, 32));
                }
                if (only.contains("server")) {
                    side.add(server.loneRuns());
                }
                if (side.size() > 1) {
                    Compare.print(runner.loneTakingTurns(side, loneSteps, lone), all);
                }
            }
            Summary.print(all, PgStats.load());
        }
        System.exit(0);
    }

    private interface Measure {
        Measurement of(Subject subject) throws Exception;
    }

    private static void others(Map<String, Measurement> shape, List<String> only, PgStats pg, int concurrency,
                               Measure measure) throws Exception {
        if (only.contains("raw")) {
            shape.put("raw", measure.of(new RawJdbc(pg, concurrency)));
        }
        if (only.contains("dbos")) {
            shape.put("dbos", measure.of(new Dbos(pg, 0)));
        }
        if (only.contains("dbos32")) {
            shape.put("dbos32", measure.of(new Dbos(pg, 32)));
        }
    }

    /** The WAR: the driver's classes, the two no-op workflow classes and the engine's jars. */
    static Path war(Path dir) throws IOException, URISyntaxException, ClassNotFoundException {
        Path war = dir.resolve("bench.war");
        Path classes = location(ServerBench.class);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(war))) {
            put(out, "WEB-INF/beans.xml", ("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" "
                    + "bean-discovery-mode=\"annotated\"/>\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            List<Path> files = new ArrayList<>();
            try (Stream<Path> server = Files.list(classes.resolve("io/durable/bench/server"))) {
                server.forEach(files::add);
            }
            try (Stream<Path> counting = Files.list(classes.resolve("io/durable/bench/compare"))) {
                counting.filter(p -> p.getFileName().toString().startsWith("CountingDriver")
                        || p.getFileName().toString().equals("ProcessCpu.class")).forEach(files::add);
            }
            files.add(classes.resolve("io/durable/bench/NoopWorkflow.class"));
            files.add(classes.resolve("io/durable/bench/NoopSteps.class"));
            for (Path file : files) {
                put(out, "WEB-INF/classes/" + classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            for (String type : List.of("io.durable.api.Workflow", "io.durable.cdi.internal.DurableExtension",
                    "io.durable.jpa.se.ResourceLocalJpa", "io.durable.timers.EjbWakeUpTimers",
                    "org.flywaydb.core.Flyway", "org.flywaydb.database.postgresql.PostgreSQLDatabaseType",
                    "org.postgresql.Driver")) {
                Path jar = location(Class.forName(type));
                put(out, "WEB-INF/lib/" + jar.getFileName(), Files.readAllBytes(jar));
            }
        }
        return war;
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void put(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content);
        out.closeEntry();
    }

    /** A Payara Micro process with the WAR deployed, on a free loopback port. */
    static final class Payara implements AutoCloseable {
        private final Process process;
        private final String api;
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        private final Path log;
        private final int slots;

        private Payara(Process process, String api, Path log, int slots) {
            this.process = process;
            this.api = api;
            this.log = log;
            this.slots = slots;
        }

        /**
         * A free port on 127.0.0.1 below 32768, where Linux's range for outgoing connections starts (a
         * server bound in it can meet "Address already in use"); the search starts at a place given by
         * this JVM's pid, so parallel runs rarely probe the same ports.
         */
        static int freePort() {
            int first = 20_000;
            int count = 32_768 - first;
            long start = ProcessHandle.current().pid();
            for (int i = 0; i < count; i++) {
                int candidate = first + (int) ((start + i) % count);
                try (java.net.ServerSocket socket = new java.net.ServerSocket(candidate, 1,
                        java.net.InetAddress.getLoopbackAddress())) {
                    return socket.getLocalPort();
                } catch (java.io.IOException busy) {
                    // taken: try the next one
                }
            }
            throw new IllegalStateException("No free port on 127.0.0.1 below 32768");
        }

        static Payara start(Path dir, Path war, int concurrency) throws Exception {
            int port = freePort();
            String jar = System.getProperty("bench.payara", System.getProperty("user.home")
                    + "/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar");
            Files.writeString(dir.resolve("preboot.txt"), "set configs.config.server-config.network-config."
                    + "network-listeners.network-listener.http-listener.address=127.0.0.1\n");
            Path log = dir.resolve("payara.log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-Dhazelcast.socket.bind.any=false",
                    "-Ddurable.engine.max-concurrent-runs=" + concurrency));
            // more options for the server's JVM, for example a profiler agent
            String options = System.getProperty("bench.server-jvm-options", "").trim();
            if (!options.isEmpty()) {
                command.addAll(List.of(options.split("\\s+")));
            }
            command.addAll(List.of("-jar", jar, "--rootdir", dir.resolve("root").toString(),
                    "--prebootcommandfile", dir.resolve("preboot.txt").toString(),
                    "--disablephonehome", "--nocluster", "--interfaces", "127.0.0.1",
                    "--port", Integer.toString(port), "--deploy", war.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Payara payara = new Payara(process, "http://127.0.0.1:" + port + "/bench/api/bench/", log, concurrency);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Payara Micro exited; see " + log);
                }
                try {
                    if (payara.get("ping", Duration.ofSeconds(5)).equals("ok")) {
                        return payara;
                    }
                } catch (IOException e) {
                    // not up yet
                }
                if (System.nanoTime() > deadline) {
                    payara.close();
                    throw new IllegalStateException("Payara Micro did not answer within 5 minutes; see " + log);
                }
                Thread.sleep(1000);
            }
        }

        String get(String path, Duration timeout) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + path)).timeout(timeout)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return response.body().trim();
        }

        /** Starts a job of the in-server driver and polls for its answer. */
        String job(String path, Duration timeout) throws IOException, InterruptedException {
            String job = get(path, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                String answer = get("result?job=" + job, Duration.ofSeconds(30));
                if (!answer.equals("running")) {
                    return answer;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException(path + " did not finish within " + timeout + "; see " + log);
        }

        /**
         * The engine in the server as a {@link Subject} of lone runs taking turns with other libraries:
         * each run one request to the in-server driver, which times it and counts its JDBC calls, so
         * the request's own time is not the run's. Its database is the server's, open all along.
         */
        Subject loneRuns() {
            long[] counts = new long[5];
            return new Subject() {
                @Override
                public String engine() {
                    return "durable";
                }

                @Override
                public String path() {
                    return "payara-micro jta pool=48 slots=" + slots;
                }

                @Override
                public String database() {
                    return DATABASE;
                }

                @Override
                public void prepare(PgStats pg) {
                    // the server's database is in use by the server: not recreated
                }

                @Override
                public void open() {
                    // the server is running
                }

                @Override
                public void run(String id, int steps) throws Exception {
                    timedRun(id, steps);
                }

                @Override
                public long timedRun(String id, int steps) throws Exception {
                    String[] f = get("lone-one?k=" + steps + "&id=" + id, Duration.ofMinutes(2)).split(" ");
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] += Long.parseLong(f[1 + i]);
                    }
                    return Long.parseLong(f[0]);
                }

                @Override
                public long[] jdbcCounts() {
                    return counts.clone();
                }

                @Override
                public void close() {
                    // the server is stopped with the program
                }
            };
        }

        /** One measurement by the in-server driver, after a warm-up like {@link Compare}'s. */
        Measurement measure(PgStats pg, boolean stats, String kind, int k, int n, int threads) throws Exception {
            Duration timeout = Duration.ofMinutes(15);
            String warm = kind.equals("lone") ? "lone?k=" + k + "&n=20"
                    : "runs?k=" + k + "&n=" + Math.max(2 * threads, n / 10) + "&threads=" + threads;
            long warmUntil = System.nanoTime() + Compare.WARM_UP_NANOS;
            do {
                String warmed = job(warm, timeout);
                if (warmed.startsWith("failed")) {
                    throw new IllegalStateException("the in-server driver's warm-up: " + warmed + "; see " + log);
                }
            } while (System.nanoTime() < warmUntil);
            PgStats.Snapshot before = stats ? pg.settled(DATABASE) : null;
            String answer = job(kind.equals("lone") ? "lone?k=" + k + "&n=" + n
                    : "runs?k=" + k + "&n=" + n + "&threads=" + threads, timeout);
            if (answer.startsWith("failed")) {
                throw new IllegalStateException("the in-server driver: " + answer + "; see " + log);
            }
            PgStats.Snapshot server = stats ? pg.settled(DATABASE).minus(before) : null;
            String[] f = answer.split(" ");
            long[] jdbc = new long[5];
            for (int i = 0; i < 5; i++) {
                jdbc[i] = Long.parseLong(f[3 + i]);
            }
            return new Measurement("durable", "payara-micro jta pool=48 slots=" + slots, kind, k, n,
                    Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), jdbc, server,
                    Long.parseLong(f[8]) / 1e6 / n);
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
