package io.certaudit.agent.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a peer's host name into the address to connect to; the system resolver unless a test stands in. */
@FunctionalInterface
interface HostResolver {

    HostResolver SYSTEM = InetAddress::getByName;

    InetAddress resolve(String host) throws UnknownHostException;
}
