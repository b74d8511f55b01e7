package io.certaudit.agent.revocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on 127.0.0.1 for the revocation tests: each path serves fixed bytes, an answer computed from the
 * request body (an OCSP responder), a status, an endless answer, or nothing until the test ends (a stalled server).
 * It records every request line it receives, so a test sees what was fetched, how often, and through what.
 */
final class RevocationServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    /** Each request as received: method and the request target (absolute when sent to a proxy). */
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    private interface Route {
        void answer(HttpExchange exchange, byte[] body) throws IOException;
    }

    RevocationServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                // The raw path: a base64 OCSP request in it may hold %2F, which is no path separator.
                String path = exchange.getRequestURI().getRawPath();
                Route route = routes.get(path);
                if (route == null && path.lastIndexOf('/') > 0) {
                    // An OCSP GET: the request is the last path segment, under the responder's path.
                    route = routes.get(path.substring(0, path.lastIndexOf('/')));
                    if (route != null && body.length == 0) {
                        body = java.util.Base64.getDecoder().decode(java.net.URLDecoder.decode(
                                path.substring(path.lastIndexOf('/') + 1), java.nio.charset.StandardCharsets.US_ASCII));
                    }
                }
                if (route == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                route.answer(exchange, body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "revocation-test-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** {@code http://127.0.0.1:PORT/path}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    RevocationServer serve(String path, byte[] content) {
        routes.put(path, (exchange, body) -> send(exchange, 200, content));
        return this;
    }

    /** Answers each POST with what {@code responder} makes of its body. */
    RevocationServer respond(String path, UnaryOperator<byte[]> responder) {
        routes.put(path, (exchange, body) -> send(exchange, 200, responder.apply(body)));
        return this;
    }

    /** Answers with a redirect to {@code location}. */
    RevocationServer redirect(String path, String location) {
        routes.put(path, (exchange, body) -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
        });
        return this;
    }

    RevocationServer status(String path, int status) {
        routes.put(path, (exchange, body) -> exchange.sendResponseHeaders(status, -1));
        return this;
    }

    /** Sends {@code bytes} bytes without announcing a length (chunked), so only reading finds the size out. */
    RevocationServer endless(String path, int bytes) {
        routes.put(path, (exchange, body) -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[1024];
                for (int sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // The client stopped reading: what the test wants.
            }
        });
        return this;
    }

    /** Answers nothing until the server is closed: the client's read timeout must end the fetch. */
    RevocationServer stalled(String path) {
        routes.put(path, (exchange, body) -> {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return this;
    }

    long count(String path) {
        return requests.stream().filter(request -> request.endsWith(path)).count();
    }

    private static void send(HttpExchange exchange, int status, byte[] content) throws IOException {
        exchange.sendResponseHeaders(status, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    /** Reads what a client sent (for a proxy that forwards nothing). */
    static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
