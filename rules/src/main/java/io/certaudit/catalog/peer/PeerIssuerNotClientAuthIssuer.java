package io.certaudit.catalog.peer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.certaudit.chain.CertificatePath;
import io.certaudit.engine.Area;
import io.certaudit.engine.AuditContext;
import io.certaudit.engine.Findings;
import io.certaudit.engine.PeerRule;
import io.certaudit.engine.Requirement;
import io.certaudit.engine.RuleInfo;
import io.certaudit.engine.Severity;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.SchannelSettings;
import io.certaudit.model.SchannelSettings.TrustMode;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;

/*
 * Microsoft, "What's New in TLS/SSL (Schannel SSP)", Management of trusted issuers for client authentication,
 * "Defaults for Trust Modes": the REG_DWORD ClientAuthTrustMode under HKLM\SYSTEM\CurrentControlSet\Control\
 * SecurityProviders\Schannel selects
 *   1 Exclusive Root Trust: "Requires that a client certificate chains to a root certificate contained in the
 *     caller-specified trusted issuer store. The certificate must also be issued by an issuer in the Trusted Issuers
 *     list";
 *   2 Exclusive CA Trust: "Requires that a client certificate chain to either an intermediate CA certificate or root
 *     certificate in the caller-specified trusted issuer store."
 * Without a store of the application's own, that store is the LocalMachine Client Authentication Issuers store
 * (ClientAuthIssuer), the "default global computer certificate store" the same page names. The MTLS peer connects
 * to this host with the certificate it presents as a server (Lync/Skype pools use one certificate for both), so
 * the chain the probe saw is the chain Schannel here judges when the peer is the client.
 */
@RuleInfo(
        id = "peer-issuer-not-client-auth-issuer",
        title = "MTLS peer's chain has no issuer in Client Authentication Issuers under an exclusive trust mode",
        severity = Severity.ERROR,
        area = Area.PEER,
        citation = "Microsoft \"What's New in TLS/SSL (Schannel SSP)\": Management of trusted issuers for client "
                + "authentication, ClientAuthTrustMode 1 Exclusive Root Trust and 2 Exclusive CA Trust; KB 2802568",
        description = "Where SChannel's ClientAuthTrustMode is 1 (Exclusive Root Trust) or 2 (Exclusive CA Trust), "
                + "Schannel accepts a client certificate only when its chain reaches a certificate in Client "
                + "Authentication Issuers (ClientAuthIssuer): in mode 1 the root the chain ends at, in mode 2 any "
                + "CA of the chain, intermediate or root. Fails for each probed peer whose chain, built from what "
                + "it sent, this host's stores and Client Authentication Issuers, does not. Judges only a peer that "
                + "proved it holds its certificate's key, and only where the SCHANNEL settings and the Client "
                + "Authentication Issuers store were read (live, or a .reg export of both); a value other than "
                + "0, 1 or 2 is not documented and not judged. A store an application configures for itself (an "
                + "IIS binding's) is not visible to the audit.",
        requirements = {Requirement.B2},
        remediation = {
                "Import the peer's root CA certificate (mode 1) or the CA that issued the peer's certificate (mode 2) "
                        + "into Certificates (Local Computer) > Client Authentication Issuers (Import-Certificate "
                        + "-CertStoreLocation Cert:\\LocalMachine\\ClientAuthIssuer).",
                "Or, if exclusive trust was not intended, set "
                        + "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\ClientAuthTrustMode to 0 "
                        + "(Machine Trust)."},
        evidence = {"ClientAuthTrustMode", "clientAuthIssuerCertificates", "path"})
public final class PeerIssuerNotClientAuthIssuer extends PeerRule {

    @Override
    protected boolean appliesTo(PeerObservation peer, AuditContext context) {
        return exclusiveMode(context) != null
                && context.snapshot().storesGiven().contains(StoreName.CLIENT_AUTH_ISSUER)
                && peer.keyProven();
    }

    /** Exclusive Root or Exclusive CA Trust when the settings say so; {@code null} otherwise or when unknown. */
    private static @Nullable TrustMode exclusiveMode(AuditContext context) {
        SchannelSettings settings = context.snapshot().schannel();
        TrustMode mode = settings == null ? null : settings.trustMode();
        return mode == TrustMode.EXCLUSIVE_ROOT_TRUST || mode == TrustMode.EXCLUSIVE_CA_TRUST ? mode : null;
    }

    @Override
    protected void check(PeerObservation peer, AuditContext context, Findings findings) {
        // appliesTo made sure the mode is an exclusive one.
        TrustMode mode = Objects.requireNonNull(exclusiveMode(context));
        List<StoredCertificate> issuers = context.snapshot().store(StoreName.CLIENT_AUTH_ISSUER);
        Set<String> trusted = issuers.stream().map(StoredCertificate::thumbprint).collect(Collectors.toSet());
        List<StoredCertificate> sent = SentChain.of(peer);
        StoredCertificate leaf = sent.get(0);
        // The issuer store takes part in the chain search: under exclusive trust it is where Schannel's chain ends.
        List<StoredCertificate> extra = new ArrayList<>(sent.subList(1, sent.size()));
        extra.addAll(issuers);
        CertificatePath path = context.chains().pathWith(leaf, extra);
        List<StoredCertificate> authorities = path.elements().subList(1, path.elements().size());
        boolean accepted = mode == TrustMode.EXCLUSIVE_ROOT_TRUST
                ? path.reachesRoot() && trusted.contains(path.top().thumbprint())
                : authorities.stream().anyMatch(ca -> trusted.contains(ca.thumbprint()));
        if (accepted) {
            return;
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put(SchannelSettings.CLIENT_AUTH_TRUST_MODE, mode.value() + " (" + mode.title() + ")");
        evidence.put("path", path.describe());
        evidence.put("clientAuthIssuerCertificates", Integer.toString(issuers.size()));
        String needed = mode == TrustMode.EXCLUSIVE_ROOT_TRUST
                ? "its chain to end at a root in Client Authentication Issuers"
                : "a CA of its chain, intermediate or root, in Client Authentication Issuers";
        String seen = issuers.isEmpty() ? "that store is empty on this host"
                : path.reachesRoot() ? "the chain ends at " + path.top().label() + " and none of "
                + (mode == TrustMode.EXCLUSIVE_ROOT_TRUST ? "its root" : "its CAs") + " is there"
                : "the chain stops at " + path.top().label() + " (issuer '" + path.missingIssuer()
                + "' not found) and none of its CAs is there";
        findings.addPeer(peer.address(), leaf.thumbprint(), leaf.facts().subject(), "ClientAuthTrustMode is "
                + mode.value() + " (" + mode.title() + "), so SChannel accepts " + SentChain.name(peer)
                + "'s client certificate " + leaf.label() + " only with " + needed + "; " + seen + ".", evidence);
    }
}
