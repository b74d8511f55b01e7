package io.certaudit.agent.revocation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import io.certaudit.model.RevocationSource.Outcome;

/**
 * One HTTP request for a CRL or an OCSP answer, bounded in time and size, never retried. HttpURLConnection rather
 * than a client library: the JDK's is enough for a GET or a small POST, takes a proxy per request, and adds no
 * dependency to a tool that runs as SYSTEM.
 */
final class HttpFetcher {

    /** What one request gave: the body of a 200 answer, or why there is none. */
    record Fetched(byte[] body, Outcome failure, String detail, String redirect) {

        static Fetched ok(byte[] body) {
            return new Fetched(body, null, null, null);
        }

        static Fetched failed(Outcome failure, String detail) {
            return new Fetched(null, failure, detail, null);
        }

        boolean ok() {
            return body != null;
        }
    }

    private final RevocationLimits limits;

    HttpFetcher(RevocationLimits limits) {
        this.limits = limits;
    }

    /** Redirects followed at most, each to plain HTTP only, all within the one fetch's time. */
    static final int MAX_REDIRECTS = 3;

    /**
     * GETs {@code url}, or POSTs {@code body} with {@code contentType} when a body is given. Redirects to another
     * http: URL are followed (a few, within the same time bound), as WinHTTP follows them for the chain engine; a
     * redirect elsewhere (HTTPS, LDAP) is reported as its status.
     */
    Fetched fetch(URI url, byte[] body, String contentType) {
        long deadline = System.nanoTime() + limits.connectTimeout().toNanos() + limits.readTimeout().toNanos();
        URI current = url;
        for (int hop = 0; ; hop++) {
            Fetched fetched = fetchOnce(current, body, contentType, deadline);
            if (fetched.redirect() == null) {
                return fetched;
            }
            URI next;
            try {
                next = current.resolve(fetched.redirect());
            } catch (IllegalArgumentException e) {
                return Fetched.failed(Outcome.HTTP_STATUS, fetched.detail() + " to an unreadable location");
            }
            if (!isHttp(next) || hop >= MAX_REDIRECTS) {
                return Fetched.failed(Outcome.HTTP_STATUS, fetched.detail() + " to " + next
                        + (isHttp(next) ? " (more than " + MAX_REDIRECTS + " redirects)" : " (not plain HTTP)"));
            }
            current = next;
        }
    }

    private Fetched fetchOnce(URI url, byte[] body, String contentType, long deadline) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) url.toURL().openConnection(proxyFor(url));
            connection.setConnectTimeout(millis(limits.connectTimeout().toMillis()));
            connection.setReadTimeout(millis(limits.readTimeout().toMillis()));
            // The JDK would follow redirects without the audit's bounds; they are followed above instead.
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestProperty("Accept-Encoding", "identity");
            if (body != null) {
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", contentType);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            String statusText = "HTTP " + status
                    + (connection.getResponseMessage() == null ? "" : " " + connection.getResponseMessage());
            if (status >= 300 && status < 400 && status != 304 && connection.getHeaderField("Location") != null) {
                return new Fetched(null, Outcome.HTTP_STATUS, statusText, connection.getHeaderField("Location"));
            }
            if (status != HttpURLConnection.HTTP_OK) {
                return Fetched.failed(Outcome.HTTP_STATUS, statusText);
            }
            long declared = connection.getContentLengthLong();
            if (declared > limits.maxResponseBytes()) {
                return Fetched.failed(Outcome.TOO_LARGE, "the server announced " + declared + " bytes, more than the "
                        + limits.maxResponseBytes() + " read");
            }
            try (InputStream in = connection.getInputStream()) {
                return read(in, deadline);
            }
        } catch (UnknownHostException e) {
            return Fetched.failed(Outcome.DNS, "the host name does not resolve: " + e.getMessage());
        } catch (ConnectException e) {
            return Fetched.failed(Outcome.REFUSED, "the connection was refused" + message(e));
        } catch (SocketTimeoutException e) {
            return Fetched.failed(Outcome.TIMEOUT, "no answer within the time allowed" + message(e));
        } catch (NoRouteToHostException e) {
            return Fetched.failed(Outcome.NETWORK, "no route to the host" + message(e));
        } catch (IOException | IllegalArgumentException e) {
            return Fetched.failed(Outcome.NETWORK, e.getClass().getSimpleName() + message(e));
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /**
     * The body, read in chunks up to the size limit plus one byte: a server that sends more, or drips its answer
     * past the deadline (each read within the read timeout, the whole beyond it), is cut off.
     */
    private Fetched read(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limits.maxResponseBytes()) {
                return Fetched.failed(Outcome.TOO_LARGE, "the answer is larger than the " + limits.maxResponseBytes()
                        + " bytes read");
            }
            out.write(buffer, 0, n);
            if (System.nanoTime() > deadline) {
                return Fetched.failed(Outcome.TIMEOUT, "the answer did not complete within the time allowed");
            }
        }
        return Fetched.ok(out.toByteArray());
    }

    private Proxy proxyFor(URI url) {
        if (limits.proxy() != null) {
            return limits.proxy();
        }
        ProxySelector selector = ProxySelector.getDefault();
        List<Proxy> proxies = selector == null ? List.of() : selector.select(url);
        return proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0);
    }

    private static int millis(long value) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, value));
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
    }

    /** Whether {@code url} is one the audit fetches: plain HTTP with a host. */
    static boolean isHttp(URI url) {
        return url.getScheme() != null && url.getScheme().toLowerCase(Locale.ROOT).equals("http")
                && url.getHost() != null;
    }
}
