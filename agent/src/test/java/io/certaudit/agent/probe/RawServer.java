package io.certaudit.agent.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A loopback TCP server that misbehaves on purpose: silent, hanging up, resetting, dripping, alerting. */
final class RawServer implements AutoCloseable {

    /** What the server does with each accepted connection. */
    interface Behaviour {
        void serve(Socket socket) throws IOException, InterruptedException;
    }

    private final ServerSocket server;

    RawServer(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> serve(behaviour), "raw-server-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(Behaviour behaviour) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                behaviour.serve(socket);
            } catch (IOException e) {
                // The client hung up; the next accept decides whether the server is still open.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Reads the start of the ClientHello, so the client is inside its handshake before the server acts. */
    static void readClientHello(Socket socket) throws IOException {
        if (socket.getInputStream().readNBytes(5).length < 5) {
            throw new IOException("no ClientHello");
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
