package io.durable.sample.chaos;

import com.sun.net.httpserver.HttpServer;
import io.durable.sample.LoopbackPorts;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OTLP/HTTP trace receiver on 127.0.0.1 that keeps what it is sent (protobuf, as Payara's exporter
 * sends it) and answers 200: enough to see which spans a server exported, without a collector.
 */
final class OtlpReceiver implements AutoCloseable {

    /** The most export requests kept; later ones are answered and dropped. */
    private static final int MAX_KEPT = 10_000;

    private final HttpServer server;
    private final List<byte[]> received = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", LoopbackPorts.free(1)), 0);
        OtlpReceiver receiver = new OtlpReceiver(server);
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readAllBytes();
                if (receiver.received.size() < MAX_KEPT) {
                    receiver.received.add(bytes);
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return receiver;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The first export request that holds all the texts, or {@code null}. */
    byte[] find(String... texts) {
        for (byte[] request : received) {
            boolean all = true;
            for (String text : texts) {
                all &= contains(request, text.getBytes(StandardCharsets.UTF_8));
            }
            if (all) {
                return request;
            }
        }
        return null;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
