package io.durable.sample.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A base port for a test server whose offsets are all free on 127.0.0.1 now, below Linux's range for
 * outgoing connections (32768, see PAYARA-NOTES.md): a server bound in that range can fail to start with
 * "Address already in use". The search starts at a place that depends on this JVM's pid, so parallel
 * builds rarely probe the same ports.
 */
final class FreePorts {

    /** The lowest base, the distance between bases, and the first port of Linux's range for outgoing connections. */
    private static final int FIRST = 10_000;
    private static final int STEP = 100;
    private static final int LIMIT = 32_768;

    private FreePorts() {
    }

    /**
     * A base from this JVM's starting point at which every {@code base + offset} is free and below
     * 32768 (a server's own default ports serve as offsets too: WildFly's port offset).
     */
    static int base(int... offsets) {
        int highest = java.util.Arrays.stream(offsets).max().orElse(0);
        int slots = (LIMIT - highest - FIRST) / STEP;
        if (slots <= 0) {
            throw new IllegalArgumentException("offsets up to " + highest + " leave no base below " + LIMIT);
        }
        int start = (int) (ProcessHandle.current().pid() % slots);
        for (int i = 0; i < slots; i++) {
            int candidate = FIRST + (start + i) % slots * STEP;
            if (allFree(candidate, offsets)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free ports for a test server below " + LIMIT);
    }

    private static boolean allFree(int candidate, int[] offsets) {
        for (int offset : offsets) {
            try (ServerSocket socket = new ServerSocket(candidate + offset, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException busy) {
                return false;
            }
        }
        return true;
    }
}
