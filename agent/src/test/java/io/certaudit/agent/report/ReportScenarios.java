package io.certaudit.agent.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.certaudit.catalog.BuiltInRules;
import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.RuleEngine;
import io.certaudit.model.AccessFacts;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.KeyDefect;
import io.certaudit.model.KeyKind;
import io.certaudit.model.NameResolution;
import io.certaudit.model.PeerAddress;
import io.certaudit.model.PeerFailure;
import io.certaudit.model.PeerKeyProof;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.ServiceAccount;
import io.certaudit.model.RegistryDword;
import io.certaudit.model.SchannelSettings;
import io.certaudit.model.StoreName;
import io.certaudit.model.WindowsVersion;
import io.certaudit.model.Tristate;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/** Hosts audited through the real engine and turned into reports, for the writers' tests. */
public final class ReportScenarios {

    public static final String POOL = "bemsapppool.contoso.com";

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("CN=Contoso Root CA,O=Contoso,C=US");
    private static final Issued ISSUING = PKI.issue(ROOT, PKI.spec("CN=Contoso Issuing CA 2,O=Contoso,C=US").ca());
    private static final Issued LAB_ROOT = PKI.root("CN=Contoso Lab Root,O=Contoso,C=US");
    private static final Issued PARTNER = PKI.issue(ROOT, PKI.spec("CN=Contoso Partner CA,O=Contoso,C=US").ca());
    private static final Issued CURRENT = PKI.issue(ISSUING, PKI.spec(POOL).san(POOL, "bemsserver01.contoso.com",
            "bemsserver02.contoso.com"));
    private static final Issued OLD = PKI.issue(LAB_ROOT, PKI.spec(POOL).san(POOL, "bemsserver01.contoso.com",
            "bemsserver02.contoso.com").freshKey()
            .valid(TestPki.NOW.minus(Duration.ofDays(700)), TestPki.NOW.plus(Duration.ofDays(12))));

    private static final Issued MANY_ROOT = PKI.root("CN=\u00c9quipe Root CA,O=Contoso,C=US");
    private static final Issued MANY_ISSUING = PKI.issue(MANY_ROOT,
            PKI.spec("CN=Issuing CA \u6771\u4eac,O=Contoso,C=US").ca());
    private static final Issued MANY_MISSING = PKI.issue(MANY_ROOT, PKI.spec("CN=Issuing CA not in any store").ca());
    private static final List<Issued> MANY_LEAVES = new ArrayList<>();

    /** Names with what JSON must escape, what certaudit escapes for the terminal, and what it passes as is. */
    private static final List<String> MANY_NAMES = List.of("plain.contoso.com", "Zo\u00eb M\u00fcller", "\u6771\u4eac",
            "smile \ud83d\ude00 ok", "ctl \u0001 \u001f end", "tab\there", "line\nfeed", "del \u007f",
            "c1 \u0085 \u009f", "bidi \u202e txt \u2066", "separators \u2028 \u2029", "</script><b>&amp;",
            "quote \\\" back \\\\ slash", "");

    private ReportScenarios() {
    }

    /**
     * The broken MTLS setup a support engineer meets: the new service certificate's issuing CA is in no store (a
     * gap in its chain) and the service account cannot read its key; the old certificate still beside it expires in
     * 12 days and chains to a lab root that is not in Trusted Root (a broken anchor); Trusted Root holds a CA that
     * is not a root; one exported file is unreadable.
     */
    public static AuditReport brokenMtls() {
        return audit(brokenMtlsSnapshot(), AuditSettings.defaults().withPoolFqdn(POOL)
                .withInstanceFqdns(List.of("bemsserver01.contoso.com", "bemsserver02.contoso.com")));
    }

    /** The host behind {@link #brokenMtls()}. */
    public static HostSnapshot brokenMtlsSnapshot() {
        AccessFacts denied = new AccessFacts(
                "C:\\ProgramData\\Microsoft\\Crypto\\Keys\\5c1b0e7f_contoso", "CONTOSO\\svc-bems",
                "S-1-5-21-1004336348-1177238915-682003330-1109", Tristate.NO,
                "O:BAG:SYD:(A;;FA;;;SY)(A;;FA;;;BA)",
                List.of("allow NT AUTHORITY\\SYSTEM: full control", "allow BUILTIN\\Administrators: full control"),
                null);
        PrivateKeyFacts key = new PrivateKeyFacts(Tristate.YES, KeyKind.CNG,
                "Microsoft Software Key Storage Provider", "te-BEMS-2026-0b4c", Tristate.YES,
                "C:\\ProgramData\\Microsoft\\Crypto\\Keys\\5c1b0e7f_contoso", denied,
                "CNG key opened and matched the certificate");
        return HostSnapshot.builder("bems01.contoso.com", "folder exports/bems01")
                .add(CURRENT.in(StoreName.MY).withPrivateKey(key).withFriendlyName("BEMS 2026"))
                .add(OLD.in(StoreName.MY).withPrivateKey(PrivateKeyFacts.inFile("old.key", "key file old.key "
                        + "matches the certificate")))
                .add(ROOT.in(StoreName.ROOT))
                .add(PARTNER.in(StoreName.ROOT))
                .add(LAB_ROOT.in(StoreName.CA))
                .problem(StoreName.CA, "exports/bems01/CA/partner.cer", "not a certificate: no PEM block, not DER")
                .serviceAccount(new ServiceAccount("CONTOSO\\svc-bems", "S-1-5-21-1004336348-1177238915-682003330-1109",
                        "service configuration"))
                .schannel(new SchannelSettings(SchannelSettings.Origin.REG_EXPORT, "exports/bems01/schannel.reg",
                        RegistryDword.absent(), RegistryDword.of(2)))
                .windowsVersion(new WindowsVersion(17763, "Windows Server 2019 Standard", "exports/bems01/version.reg"))
                .build();
    }

    /** A healthy host: the chain complete, the key present, no findings. */
    public static AuditReport healthy() {
        Issued leaf = PKI.issue(ISSUING, PKI.spec(POOL).san(POOL));
        HostSnapshot snapshot = HostSnapshot.builder("bems02.contoso.com", "folder exports/bems02")
                .add(leaf.in(StoreName.MY).withPrivateKey(PrivateKeyFacts.inFile("bems.key", "key file matches")))
                .add(ISSUING.in(StoreName.CA))
                .add(ROOT.in(StoreName.ROOT))
                .build();
        return audit(snapshot, AuditSettings.defaults().withPoolFqdn(POOL));
    }

    /**
     * A healthy host that probed two peers: the Lync pool, which sends its chain and asks for a client certificate
     * from the partner CA only (not this host's issuer), and a front end that refused the connection.
     */
    public static AuditReport withPeers() {
        Issued leaf = PKI.issue(ISSUING, PKI.spec(POOL).san(POOL));
        Issued lync = PKI.issue(ISSUING, PKI.spec("lyncpool.contoso.com").san("lyncpool.contoso.com"));
        HostSnapshot snapshot = HostSnapshot.builder("bems02.contoso.com", "folder exports/bems02")
                .add(leaf.in(StoreName.MY).withPrivateKey(PrivateKeyFacts.inFile("bems.key", "key file matches")))
                .add(ISSUING.in(StoreName.CA))
                .add(ROOT.in(StoreName.ROOT))
                .peer(new PeerObservation(new PeerAddress("lyncpool.contoso.com", 5061), "192.0.2.10", "TLSv1.2",
                        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                        List.of(lync.in(StoreName.CA).certificate(), ISSUING.in(StoreName.CA).certificate()),
                        List.of(PARTNER.in(StoreName.CA).certificate().getSubjectX500Principal()), Tristate.YES,
                        null, null))
                .peer(new PeerObservation(new PeerAddress("lyncfe02.contoso.com", 5061), "192.0.2.11", null, null,
                        List.of(), null, Tristate.UNKNOWN, PeerFailure.REFUSED, "connection refused"))
                .build();
        return audit(snapshot, AuditSettings.defaults().withPoolFqdn(POOL));
    }

    /**
     * A healthy host audited with the DNS check: the pool FQDN resolves to the address the settings expect, an
     * instance does not resolve at all, and the gateway lookup timed out.
     */
    public static AuditReport withDnsChecked() {
        Issued leaf = PKI.issue(ISSUING, PKI.spec(POOL).san(POOL));
        HostSnapshot snapshot = HostSnapshot.builder("bems04.contoso.com", "folder exports/bems04")
                .add(leaf.in(StoreName.MY).withPrivateKey(PrivateKeyFacts.inFile("bems.key", "key file matches")))
                .add(ISSUING.in(StoreName.CA))
                .add(ROOT.in(StoreName.ROOT))
                .nameResolutions(List.of(
                        new NameResolution(POOL, NameResolution.Role.POOL, NameResolution.Outcome.RESOLVED,
                                List.of("192.0.2.20"), List.of("192.0.2.20"), null),
                        new NameResolution("bemsserver09.contoso.com", NameResolution.Role.INSTANCE,
                                NameResolution.Outcome.NOT_FOUND, List.of(), List.of(), "no such host is known"),
                        new NameResolution("sbc.contoso.com", NameResolution.Role.GATEWAY,
                                NameResolution.Outcome.TIMED_OUT, List.of(), List.of(), "no answer within 5 s")))
                .build();
        return audit(snapshot, AuditSettings.defaults().withPoolFqdn(POOL));
    }

    /**
     * A host audited live without administrator rights: the service certificate's key is not its own (the key the
     * certificate names does not match it), and a probed peer sent its chain but hung up before signing the
     * handshake, so it never proved it holds that chain's key.
     */
    public static AuditReport notElevatedWithAWrongKeyAndAnUnprovenPeer() {
        Issued leaf = PKI.issue(ISSUING, PKI.spec(POOL).san(POOL));
        Issued lync = PKI.issue(ISSUING, PKI.spec("lyncpool.contoso.com").san("lyncpool.contoso.com"));
        HostSnapshot snapshot = HostSnapshot.builder("bems05.contoso.com", "live LocalMachine stores")
                .add(leaf.in(StoreName.MY).withPrivateKey(new PrivateKeyFacts(Tristate.NO, KeyKind.CAPI,
                        "Microsoft RSA SChannel Cryptographic Provider", "bems-key", Tristate.YES, null, null,
                        "NTE_BAD_PUBLIC_KEY: the key is not the certificate's", KeyDefect.KEY_MISMATCH)))
                .add(ISSUING.in(StoreName.CA))
                .add(ROOT.in(StoreName.ROOT))
                .auditElevated(Tristate.NO)
                .peer(new PeerObservation(new PeerAddress("lyncpool.contoso.com", 5061), "192.0.2.10", "TLSv1.2",
                        null, List.of(lync.in(StoreName.CA).certificate()), List.of(), Tristate.UNKNOWN,
                        PeerFailure.CLOSED, "the peer closed the connection", PeerKeyProof.UNPROVEN))
                .build();
        return audit(snapshot, AuditSettings.defaults().withPoolFqdn(POOL));
    }

    /** A healthy host whose service certificate is valid for ten years, past any expiry timeline's axis. */
    public static AuditReport longLivedServiceCertificate() {
        Issued leaf = PKI.issue(ISSUING, PKI.spec(POOL).san(POOL).freshKey()
                .valid(TestPki.NOW.minus(Duration.ofDays(30)), TestPki.NOW.plus(Duration.ofDays(3650))));
        HostSnapshot snapshot = HostSnapshot.builder("bems03.contoso.com", "folder exports/bems03")
                .add(leaf.in(StoreName.MY).withPrivateKey(PrivateKeyFacts.inFile("bems.key", "key file matches")))
                .add(ISSUING.in(StoreName.CA))
                .add(ROOT.in(StoreName.ROOT))
                .build();
        return audit(snapshot, AuditSettings.defaults().withPoolFqdn(POOL));
    }

    /** A service certificate whose subject is {@code commonName}, whatever it holds; its chain is complete. */
    public static AuditReport withServiceCertificateNamed(String commonName) {
        Issued named = PKI.issue(ISSUING, PKI.spec("CN=" + commonName.replaceAll("([\\\\,+\"<>;=#])", "\\\\$1")));
        HostSnapshot snapshot = HostSnapshot.builder(commonName, "folder " + commonName)
                .add(named.in(StoreName.MY).withPrivateKey(PrivateKeyFacts.inFile("k.key", commonName)))
                .add(ISSUING.in(StoreName.CA))
                .add(ROOT.in(StoreName.ROOT))
                .problem(StoreName.MY, commonName, commonName)
                .build();
        return audit(snapshot, AuditSettings.defaults());
    }

    /** {@code report} as if its sources had read {@code schannel} (or nothing of it, when {@code null}). */
    public static AuditReport withSchannel(AuditReport r, AuditReport.Schannel schannel) {
        return new AuditReport(r.schemaVersion(), r.tool(), r.host(), r.generatedAt(), r.evaluatedAt(), r.source(),
                r.status(), r.exitCode(), r.settings(), r.summary(), r.serviceCertificates(), r.stores(),
                r.problems(), r.findings(), r.rules(), r.serviceAccount(), r.hostFacts(), r.peers(),
                r.signatureEngines(), r.dns(), r.auditElevated(), schannel, r.revocation());
    }

    /** SCHANNEL settings read live whose SendTrustedIssuerList is unreadable and whose trust mode is undocumented. */
    public static AuditReport.Schannel unreadableSchannelSettings() {
        return new AuditReport.Schannel("live registry", SchannelSettings.KEY,
                new AuditReport.DwordValue("unreadable", null, "registry type 1, not REG_DWORD"),
                new AuditReport.DwordValue("value", 7L, null), null, null);
    }

    private static AuditReport audit(HostSnapshot snapshot, AuditSettings settings) {
        return new ReportBuilder("test").build(new RuleEngine(BuiltInRules.catalog()).run(snapshot, settings,
                TestPki.NOW), TestPki.NOW.plusSeconds(60));
    }

    /**
     * A host with {@code leaves} service certificates named with every kind of character, a third of them issued
     * by a CA in no store (a finding each), some expired, with and without keys, friendly names and properties that
     * hold unpaired surrogates; and a copy of every fourth in the Intermediate store.
     */
    public static AuditReport manyCertificates(int leaves) {
        HostSnapshot.Builder host = HostSnapshot.builder("host \u00e9\ud83d\ude00", "folder \u0001exports")
                .add(MANY_ISSUING.in(StoreName.CA))
                .add(MANY_ROOT.in(StoreName.ROOT))
                .problem(StoreName.CA, "exports/CA/bad \ud800.cer", "not a certificate: no PEM block, not DER");
        for (int i = 0; i < leaves; i++) {
            Issued leaf = leaf(i);
            var certificate = leaf.in(StoreName.MY);
            if (i % 2 == 0) {
                certificate = certificate.withPrivateKey(PrivateKeyFacts.inFile("k" + i + ".key", name(i)));
            }
            if (i % 7 == 3) {
                certificate = certificate.withFriendlyName("half \ud83d pair \ude00 " + name(i))
                        .withProperty("note \udbff", "value \u0000 " + name(i));
            }
            host.add(certificate);
            if (i % 4 == 1) {
                host.add(leaf.in(StoreName.CA));
            }
        }
        return new ReportBuilder("test \u2028").build(new RuleEngine(BuiltInRules.catalog()).run(host.build(),
                AuditSettings.defaults(), TestPki.NOW), TestPki.NOW.plusSeconds(60));
    }

    private static String name(int i) {
        return MANY_NAMES.get(i % MANY_NAMES.size()) + " " + i;
    }

    /** The {@code i}th leaf, made once for all tests: P-256 keys, as an RSA key a certificate takes long to make. */
    private static synchronized Issued leaf(int i) {
        while (MANY_LEAVES.size() <= i) {
            int n = MANY_LEAVES.size();
            TestPki.Spec spec = PKI.spec("CN=" + name(n).replaceAll("([\\\\,+\"<>;=#])", "\\\\$1"))
                    .san("host" + n + ".contoso.com").ec("secp256r1");
            if (n % 5 == 4) {
                spec.valid(TestPki.NOW.minus(Duration.ofDays(400)), TestPki.NOW.minus(Duration.ofDays(1)));
            }
            MANY_LEAVES.add(PKI.issue(n % 3 == 2 ? MANY_MISSING : MANY_ISSUING, spec));
        }
        return MANY_LEAVES.get(i);
    }
}
