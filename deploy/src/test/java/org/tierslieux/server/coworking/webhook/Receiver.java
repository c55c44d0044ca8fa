package org.tierslieux.server.coworking.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on this machine (the JDK's HttpServer): records every POST as it came, byte for byte, and
 * answers the statuses it is told to, in turn (200 once they are used up, or whatever {@link #always} says).
 */
final class Receiver implements AutoCloseable {

    /** One request as received: its headers (first value, lowercase names) and its body. */
    record Received(String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private volatile int always = 200;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
            received.add(new Received(
                    exchange.getRequestURI().getPath(), headers, new String(body, StandardCharsets.UTF_8)));
            int status = next();
            byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    private synchronized int next() {
        Integer status = statuses.pollFirst();
        return status == null ? always : status;
    }

    /** The next answers, in order. */
    synchronized Receiver answering(int... next) {
        for (int status : next) {
            statuses.addLast(status);
        }
        return this;
    }

    /** The answer once the listed ones are used up. */
    Receiver always(int status) {
        this.always = status;
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
