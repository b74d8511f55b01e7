package io.certaudit.agent.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.certaudit.model.NameResolution;
import io.certaudit.model.NameResolution.Outcome;

/**
 * Resolves the configured names with a resolver, a few at a time, each within a time limit. This observes only:
 * whether an answer is right is for the rule to judge.
 */
public final class DnsCheck {

    /** The time one lookup may take when none is given: a DNS client's usual first retry comes well before. */
    public static final Duration DEFAULT_LOOKUP_LIMIT = Duration.ofSeconds(5);

    /** Lookups run at once at most: enough for a pool and its instances, few enough to stay polite. */
    static final int MAX_PARALLEL_LOOKUPS = 4;

    private final HostResolver resolver;
    private final Duration lookupLimit;

    public DnsCheck(HostResolver resolver, Duration lookupLimit) {
        if (lookupLimit.isZero() || lookupLimit.isNegative()) {
            throw new IllegalArgumentException("the lookup limit must be positive: " + lookupLimit);
        }
        this.resolver = resolver;
        this.lookupLimit = lookupLimit;
    }

    /**
     * What the resolver answered for each name, in the order given. A lookup that has not answered when its time
     * is up is recorded as timed out. The JDK resolver (InetAddress, and under it getaddrinfo) cannot be cancelled:
     * interrupting its thread does not stop it. So the lookups run on daemon threads of a bounded pool and are
     * abandoned, not stopped, when their time is up; a stuck lookup then ends with the process at the latest, and
     * never holds the audit beyond the limit.
     */
    public List<NameResolution> resolveAll(List<NameToResolve> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        int threads = Math.min(MAX_PARALLEL_LOOKUPS, names.size());
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(names.size()), runnable -> {
                    Thread thread = new Thread(runnable, "certaudit-dns");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<Future<List<InetAddress>>> lookups = new ArrayList<>();
            for (NameToResolve name : names) {
                lookups.add(executor.submit(() -> resolver.resolve(name.name())));
            }
            // The lookups queue behind one another in rounds of `threads`: the last round ends this late at most.
            long rounds = (names.size() + threads - 1) / threads;
            long deadline = System.nanoTime() + lookupLimit.toNanos() * rounds;
            List<NameResolution> results = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                results.add(await(names.get(i), lookups.get(i), deadline));
            }
            return results;
        } finally {
            shutDown(executor);
        }
    }

    private static NameResolution await(NameToResolve name, Future<List<InetAddress>> lookup, long deadline) {
        try {
            List<InetAddress> addresses = lookup.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            List<String> literals = addresses.stream().map(DnsCheck::literal).distinct().toList();
            if (literals.isEmpty()) {
                return result(name, Outcome.NOT_FOUND, List.of(), "the resolver returned no address");
            }
            return result(name, Outcome.RESOLVED, literals, null);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            return result(name, Outcome.TIMED_OUT, List.of(), null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownHostException) {
                return result(name, Outcome.NOT_FOUND, List.of(),
                        cause.getMessage() == null ? "no such host is known" : cause.getMessage());
            }
            // Not an answer about the name (a resolver that failed otherwise): what it is is unknown, not absent.
            return result(name, Outcome.FAILED, List.of(), cause.getClass().getSimpleName() + ": "
                    + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lookup.cancel(true);
            return result(name, Outcome.TIMED_OUT, List.of(), null);
        }
    }

    private static NameResolution result(NameToResolve name, Outcome outcome, List<String> addresses,
                                         String message) {
        return new NameResolution(name.name(), name.role(), outcome, addresses, name.expectedAddresses(), message);
    }

    /** An address as a literal, without the name it was looked up by; comparable with an expected literal. */
    public static String literal(InetAddress address) {
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        return scope < 0 ? text : text.substring(0, scope);
    }

    private static final java.util.regex.Pattern IPV4 =
            java.util.regex.Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    /**
     * {@code text} as the literal {@link #literal(InetAddress)} writes for the same address (so that
     * {@code 2001:DB8::1} and {@code 2001:db8:0:0:0:0:0:1} compare equal), or {@code null} when it is not an IPv4 or
     * IPv6 address literal. Nothing is looked up: only text that is a literal reaches the parser, which then does
     * not query DNS.
     */
    public static String normalizeLiteral(String text) {
        String trimmed = text == null ? "" : text.trim();
        boolean ipv6 = trimmed.contains(":") && trimmed.matches("[0-9A-Fa-f:.]+");
        if (!IPV4.matcher(trimmed).matches() && !ipv6) {
            return null;
        }
        try {
            return literal(InetAddress.getByName(trimmed));
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static void shutDown(ExecutorService executor) {
        executor.shutdownNow();
    }
}
