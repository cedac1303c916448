package io.durable.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports on 127.0.0.1 below 32768: Linux hands out 32768-60999 for outgoing connections, so a
 * server bound there can find its port taken by the time it starts.
 */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /**
     * The first of {@code count} consecutive free ports.
     *
     * @param count how many ports in a row must be free (a data grid takes the next ones)
     */
    public static int free(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(20_000, 32_000 - count);
            if (allFree(first, count)) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " free ports in a row below 32768 on 127.0.0.1");
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
