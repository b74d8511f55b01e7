package io.certaudit.agent.probe;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.security.auth.x500.X500Principal;

/**
 * A key manager with no key. The JDK asks it for a client certificate exactly when the server sent a
 * CertificateRequest, passing the certificate authorities the server named (TLS 1.2 certificate_authorities
 * list; TLS 1.3 certificate_authorities extension, {@code null} when absent). It records them and chooses no
 * alias, so the client answers with an empty Certificate message and never signs anything.
 */
final class IssuerListRecorder extends X509ExtendedKeyManager {

    private volatile List<X500Principal> issuers;

    /** The names from the CertificateRequest, in the server's order, or {@code null} when none was received. */
    List<X500Principal> issuers() {
        return issuers;
    }

    boolean requested() {
        return issuers != null;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] named, Socket socket) {
        record(named);
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] named, SSLEngine engine) {
        record(named);
        return null;
    }

    private void record(Principal[] named) {
        List<X500Principal> names = new ArrayList<>();
        if (named != null) {
            for (Principal name : named) {
                names.add(name instanceof X500Principal x500 ? x500 : new X500Principal(name.getName()));
            }
        }
        issuers = List.copyOf(names);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] named) {
        return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] named) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] named, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] named, SSLEngine engine) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return null;
    }
}
