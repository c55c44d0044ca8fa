package org.tierslieux.server.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A port in front of Keycloak that the test opens and closes: closed, nothing listens (connections are refused,
 * as when Keycloak is down); open, bytes are passed both ways untouched. Everyone (the application, the browser,
 * the test's token requests) reaches Keycloak through it, so the issuer is the same for all.
 */
final class TcpGate implements AutoCloseable {

    private final int port;
    private final int upstream;
    private volatile ServerSocket server;

    TcpGate(int port, int upstream) {
        this.port = port;
        this.upstream = upstream;
    }

    int port() {
        return port;
    }

    synchronized void open() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        Thread.ofVirtual().name("gate-accept").start(() -> accept(socket));
    }

    synchronized void shut() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> forward(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void forward(Socket client) {
        try (client;
                Socket target = new Socket(InetAddress.getLoopbackAddress(), upstream)) {
            Thread back = Thread.ofVirtual().start(() -> pump(target, client));
            pump(client, target);
            back.join();
        } catch (IOException | InterruptedException upstreamDown) {
            // Keycloak itself is down: the client sees its connection closed
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            try {
                to.close();
                from.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        shut();
    }
}
