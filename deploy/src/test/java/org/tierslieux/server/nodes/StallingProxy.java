package org.tierslieux.server.nodes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A pass-through HTTP proxy in front of the local Mollie server that can hold one kind of call: before it reaches
 * Mollie (the application waits for Mollie's answer) or after Mollie did it (Mollie created the payment, the
 * application never hears of it). A test kills the application while a call is held.
 */
final class StallingProxy implements AutoCloseable {

    private static final List<String> FORWARDED = List.of("Authorization", "Content-Type", "Accept", "Idempotency-Key");

    private final HttpServer server;
    private final String upstream;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String method;
    private volatile String pathPrefix;
    private volatile boolean afterUpstream;
    private volatile CountDownLatch held = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(0);

    private StallingProxy(HttpServer server, String upstream) {
        this.server = server;
        this.upstream = upstream;
    }

    static StallingProxy start(String upstream) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        StallingProxy proxy = new StallingProxy(server, upstream.replaceAll("/+$", ""));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", proxy::handle);
        server.start();
        return proxy;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Holds the next {@code method} calls whose path starts with {@code pathPrefix} until {@link #release()}. */
    void hold(String method, String pathPrefix, boolean afterUpstream) {
        this.held = new CountDownLatch(1);
        this.release = new CountDownLatch(1);
        this.afterUpstream = afterUpstream;
        this.pathPrefix = pathPrefix;
        this.method = method;
    }

    /** Waits until a call is held. */
    boolean awaitHeld(Duration timeout) throws InterruptedException {
        return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the held calls go on and holds nothing more. */
    void release() {
        method = null;
        release.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean matches = exchange.getRequestMethod().equals(method) && path.startsWith(pathPrefix);
            if (matches && !afterUpstream) {
                holdHere();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(upstream + path + (query == null ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : FORWARDED) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (matches && afterUpstream) {
                holdHere();
            }
            answer.headers()
                    .firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            byte[] content = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), content.length == 0 ? -1 : content.length);
            if (content.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // the application was killed while we held its call: nobody to answer
        }
    }

    private void holdHere() throws InterruptedException {
        CountDownLatch waitFor = release;
        held.countDown();
        waitFor.await(120, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
