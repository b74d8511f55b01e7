package io.certaudit.agent.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a name into its addresses; the system resolver in use, a fake in tests that must not leave the machine. */
@FunctionalInterface
public interface HostResolver {

    /** The system resolver, as the service itself resolves names (hosts file, DNS client, suffixes). */
    HostResolver SYSTEM = name -> List.of(InetAddress.getAllByName(name));

    /**
     * The addresses of {@code name}.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String name) throws UnknownHostException;
}
