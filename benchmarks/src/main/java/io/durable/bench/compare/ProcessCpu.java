package io.durable.bench.compare;

import java.lang.management.ManagementFactory;

/** CPU time of this process: the benchmark's JVM, or the application server's for the in-server driver. */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /**
     * User and system CPU time of this JVM's process so far, all its threads (the JIT compiler and the
     * garbage collector too), in nanoseconds.
     *
     * @return the CPU time in ns
     * @throws IllegalStateException where the JVM does not report it
     */
    public static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long cpu = os.getProcessCpuTime();
            if (cpu >= 0) {
                return cpu;
            }
        }
        throw new IllegalStateException("this JVM does not report its process CPU time");
    }
}
