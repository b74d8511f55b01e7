package io.certaudit.agent.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

import io.certaudit.testing.TestPki.Issued;

/**
 * A loopback {@code openssl s_server}: a TLS stack other than the JDK's, with its own way of sending the chain and
 * the client CA list (from {@code -CAfile}).
 */
final class OpensslServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final StringBuilder output = new StringBuilder();

    /**
     * @param directory     where the PEM files go
     * @param leaf          the server's certificate and key (PKCS#8: OpenSSL 3 reads the EC key only in that form)
     * @param intermediates sent after the leaf ({@code -cert_chain}); none when empty
     * @param clientCas     the client CA list ({@code -CAfile}); none when empty
     * @param options       protocol and verification options, e.g. {@code -tls1_3 -Verify 1}
     */
    OpensslServer(Path directory, Issued leaf, List<X509Certificate> intermediates, List<X509Certificate> clientCas,
                  String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:0",
                "-cert", pem(directory.resolve("leaf.pem"), List.of(PeerPki.x509(leaf))).toString(),
                "-key", pem(directory.resolve("leaf.key"), List.of(new JcaPKCS8Generator(leaf.privateKey(), null))).toString(),
                "-no-CApath", "-no-CAstore"));
        if (!intermediates.isEmpty()) {
            command.addAll(List.of("-cert_chain", pem(directory.resolve("chain.pem"), intermediates).toString()));
        }
        if (clientCas.isEmpty()) {
            command.add("-no-CAfile");
        } else {
            command.addAll(List.of("-CAfile", pem(directory.resolve("client-cas.pem"), clientCas).toString()));
        }
        command.addAll(List.of(options));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        port = awaitAccept(lines);
        Thread drain = new Thread(() -> drain(lines), "openssl-s_server-" + port);
        drain.setDaemon(true);
        drain.start();
    }

    /** Whether {@code openssl} runs on this machine. */
    static boolean available() {
        try {
            Process version = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    int port() {
        return port;
    }

    /** s_server prints {@code ACCEPT 127.0.0.1:PORT} once it listens. */
    private int awaitAccept(BufferedReader lines) throws IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            output.append(line).append('\n');
            if (line.startsWith("ACCEPT")) {
                return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
            }
        }
        throw new IOException("openssl s_server did not start:\n" + output);
    }

    private void drain(BufferedReader lines) {
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // The process ended; what it printed so far is kept.
        }
    }

    /** What s_server printed, for a failing assertion's message. */
    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    private static Path pem(Path file, List<?> objects) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            for (Object object : objects) {
                pem.writeObject(object);
            }
        }
        return file;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
