package io.durable.bench.compare;

/**
 * One line of the comparison's CSV.
 *
 * @param engine     {@code jdbc}, {@code dbos} or {@code durable}
 * @param path       how it ran
 * @param kind       {@code throughput} (N runs, C at a time), {@code lone} (one run at a time) or
 *                   {@code lone-rr} (one run at a time, the libraries taking turns)
 * @param steps      steps per run (K)
 * @param runs       runs measured (N)
 * @param seconds    wall time of the N runs
 * @param p50        median run latency, start to result on the caller's thread, ms
 * @param p99        99th percentile of it, ms
 * @param jdbc       the library's JDBC calls during the N runs: executes, batches, batched rows,
 *                   commits, rollbacks ({@link CountingDriver})
 * @param server     the server's counters over the N runs and the settling after them, or null
 *                   when not read
 * @param cpuPerRun  CPU time of the process that executes the library (this JVM, or the application
 *                   server's), user and system, over the N runs, divided by N, in ms; NaN when not
 *                   measured. On a loaded machine it moves far less than the speed does: the CPU a run
 *                   costs, not how long it waited for a core
 */
record Measurement(String engine, String path, String kind, int steps, int runs, double seconds, double p50,
                   double p99, long[] jdbc, PgStats.Snapshot server, double cpuPerRun) {

    double stepsPerSecond() {
        return runs * (double) steps / seconds;
    }

    double runsPerSecond() {
        return runs / seconds;
    }

    long totalSteps() {
        return (long) runs * steps;
    }

    /** Round trips the library made: statement executions, batch executions, commits, rollbacks. */
    long roundTrips() {
        return jdbc[0] + jdbc[1] + jdbc[3] + jdbc[4];
    }

    static String header() {
        return "engine,path,kind,K,N,steps_per_s,runs_per_s,p50_ms,p99_ms,ratio_to_dbos,ratio_to_raw,"
                + "stmts_per_step,roundtrips_per_step,jdbc_commits_per_step,pg_xacts_per_step,wal_syncs_per_step,"
                + "wal_records_per_step,seconds,cpu_ms_per_run";
    }

    /**
     * The CSV line; ratios are speed ratios, above 1 meaning faster than the reference: steps/s over
     * theirs for throughput, their p50 over this p50 for a lone run.
     */
    String csv(Measurement dbos, Measurement raw) {
        double steps = totalSteps();
        String pgCols = server == null ? ",,"
                : String.format("%.3f,%.3f,%.3f", (server.commits() + server.rollbacks()) / steps,
                server.walSyncs() / steps, server.walRecords() / steps);
        return String.format("%s,%s,%s,%d,%d,%.0f,%.1f,%.2f,%.2f,%s,%s,%.3f,%.3f,%.3f,%s,%.3f,%s",
                engine, path, kind, this.steps, runs, stepsPerSecond(), runsPerSecond(), p50, p99,
                ratio(dbos), ratio(raw), (jdbc[0] + jdbc[2]) / steps, roundTrips() / steps, jdbc[3] / steps,
                pgCols, seconds, Double.isNaN(cpuPerRun) ? "" : String.format("%.3f", cpuPerRun));
    }

    String ratio(Measurement reference) {
        if (reference == null) {
            return "";
        }
        double r = kind.startsWith("lone") ? reference.p50 / p50 : stepsPerSecond() / reference.stepsPerSecond();
        return String.format("%.2f", r);
    }
}
