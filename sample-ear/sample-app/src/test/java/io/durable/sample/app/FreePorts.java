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

    private FreePorts() {
    }

    /** The lowest base from this JVM's starting point at which every {@code base + offset} is free. */
    static int base(int... offsets) {
        for (int candidate = 20_000 + (int) (ProcessHandle.current().pid() % 100) * 100; candidate < 32_000; candidate += 100) {
            if (allFree(candidate, offsets)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free ports for a test server below 32768");
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
