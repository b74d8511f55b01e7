package io.certaudit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.certaudit.model.HostSnapshot;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

class ChainAnalysisTest {

    private static final Instant NOW = TestPki.NOW;

    private final TestPki pki = new TestPki();
    private final Issued root = pki.root("Chain Root");
    private final Issued ca = pki.issue(root, pki.spec("Chain Issuing CA").ca());
    private final Issued leaf = pki.issue(ca, pki.spec("service.example.com").san("service.example.com"));

    /** Places certificates in stores, in the order given, and analyses the host. */
    private static final class Host {
        private final HostSnapshot.Builder builder = HostSnapshot.builder("chain-host", "test");

        Host in(StoreName store, Issued... certificates) {
            for (Issued certificate : certificates) {
                builder.add(certificate.in(store));
            }
            return this;
        }

        ChainAnalysis analyze() {
            return ChainAnalysis.analyze(builder.build(), NOW);
        }
    }

    private static String thumbprint(Issued certificate) {
        return certificate.in(StoreName.MY).thumbprint();
    }

    /** The path as thumbprint@store, leaf first. */
    private static List<String> placed(CertificatePath path) {
        return path.elements().stream().map(e -> e.thumbprint() + "@" + e.store()).toList();
    }

    private static String at(Issued certificate, StoreName store) {
        return thumbprint(certificate) + "@" + store;
    }

    private static CertificatePath pathOf(ChainAnalysis analysis, Issued personal) {
        CertificatePath path = analysis.personalPaths().get(thumbprint(personal));
        assertTrue(path != null, "no path for " + personal.subject());
        return path;
    }

    @Test
    void aCompletePathNamesTheStoreOfEachElement() {
        ChainAnalysis analysis = new Host().in(StoreName.ROOT, root).in(StoreName.CA, ca).in(StoreName.MY, leaf)
                .analyze();

        CertificatePath path = pathOf(analysis, leaf);
        assertEquals(ChainStatus.COMPLETE, path.status());
        assertEquals(List.of(at(leaf, StoreName.MY), at(ca, StoreName.CA), at(root, StoreName.ROOT)), placed(path));
        assertNull(path.missingIssuer());
        assertTrue(path.reachesRoot());
        assertEquals(thumbprint(leaf) + " [MY] > " + thumbprint(ca) + " [CA] > " + thumbprint(root) + " [ROOT]",
                path.describe());
        assertEquals(NOW, analysis.evaluatedAt());
    }

    @Test
    void aChainOfCurvesTheJdkNoLongerHasIsComplete() {
        Issued brainpoolRoot = pki.selfSigned(pki.spec("Chain Brainpool Root").ca().ec("brainpoolP384r1"));
        Issued brainpoolCa = pki.issue(brainpoolRoot, pki.spec("Chain Brainpool CA").ca().ec("brainpoolP256r1"));
        Issued personal = pki.issue(brainpoolCa, pki.spec("brainpool.example.com").ec("secp256r1"));

        ChainAnalysis analysis = new Host().in(StoreName.ROOT, brainpoolRoot).in(StoreName.CA, brainpoolCa)
                .in(StoreName.MY, personal).analyze();

        CertificatePath path = pathOf(analysis, personal);
        assertEquals(ChainStatus.COMPLETE, path.status());
        assertEquals(List.of(at(personal, StoreName.MY), at(brainpoolCa, StoreName.CA),
                at(brainpoolRoot, StoreName.ROOT)), placed(path));
    }

    @Test
    void thumbprintsAreTheUppercaseSha1OfTheEncoding() throws Exception {
        ChainAnalysis analysis = new Host().in(StoreName.ROOT, root).in(StoreName.CA, ca).in(StoreName.MY, leaf)
                .analyze();

        List<String> expected = new ArrayList<>();
        for (Issued certificate : List.of(leaf, ca, root)) {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(certificate.der());
            expected.add(HexFormat.of().withUpperCase().formatHex(sha1));
        }
        CertificatePath path = pathOf(analysis, leaf);
        assertEquals(expected, path.thumbprints());
        assertTrue(path.thumbprints().stream().allMatch(t -> t.matches("[0-9A-F]{40}")), path.thumbprints()::toString);
        assertEquals(List.of(thumbprint(leaf)), List.copyOf(analysis.personalPaths().keySet()));
    }

    @Test
    void aMissingIntermediateLeavesThePathIncompleteAndNamesIt() {
        ChainAnalysis analysis = new Host().in(StoreName.ROOT, root).in(StoreName.MY, leaf).analyze();

        CertificatePath path = pathOf(analysis, leaf);
        assertEquals(ChainStatus.INCOMPLETE, path.status());
        assertEquals(List.of(at(leaf, StoreName.MY)), placed(path));
        assertEquals("CN=Chain Issuing CA", path.missingIssuer());
        assertFalse(path.reachesRoot());
    }

    @Test
    void aMissingRootLeavesThePathIncompleteAtTheIntermediate() {
        ChainAnalysis analysis = new Host().in(StoreName.CA, ca).in(StoreName.MY, leaf).analyze();

        CertificatePath path = pathOf(analysis, leaf);
        assertEquals(ChainStatus.INCOMPLETE, path.status());
        assertEquals(List.of(at(leaf, StoreName.MY), at(ca, StoreName.CA)), placed(path));
        assertEquals("CN=Chain Root", path.missingIssuer());
        assertEquals(thumbprint(ca), path.top().thumbprint());
    }

    @Test
    void anIntermediateInTrustedRootIsUsedAndNamedThere() {
        ChainAnalysis analysis = new Host().in(StoreName.ROOT, root, ca).in(StoreName.MY, leaf).analyze();

        CertificatePath path = pathOf(analysis, leaf);
        assertEquals(ChainStatus.COMPLETE, path.status());
        assertEquals(List.of(at(leaf, StoreName.MY), at(ca, StoreName.ROOT), at(root, StoreName.ROOT)), placed(path));
    }

    @Test
    void anIntermediateInPersonalIsUsedAndNamedThere() {
        ChainAnalysis analysis = new Host().in(StoreName.ROOT, root).in(StoreName.MY, leaf, ca).analyze();

        CertificatePath path = pathOf(analysis, leaf);
        assertEquals(ChainStatus.COMPLETE, path.status());
        assertEquals(List.of(at(leaf, StoreName.MY), at(ca, StoreName.MY), at(root, StoreName.ROOT)), placed(path));
    }

    @Test
    void aRootOnlyInTheIntermediateStoreIsAnUntrustedRoot() {
        ChainAnalysis analysis = new Host().in(StoreName.CA, ca, root).in(StoreName.MY, leaf).analyze();

        CertificatePath path = pathOf(analysis, leaf);
        assertEquals(ChainStatus.UNTRUSTED_ROOT, path.status());
        assertEquals(List.of(at(leaf, StoreName.MY), at(ca, StoreName.CA), at(root, StoreName.CA)), placed(path));
        assertNull(path.missingIssuer());
        assertTrue(path.reachesRoot());
    }

    @Test
    void aRootInBothIntermediateAndTrustedRootIsTrustedAndTheTrustedRootCopyIsNamed() {
        for (boolean rootStoreFirst : new boolean[] {true, false}) {
            Host host = new Host();
            if (rootStoreFirst) {
                host.in(StoreName.ROOT, root).in(StoreName.CA, root, ca);
            } else {
                host.in(StoreName.CA, root, ca).in(StoreName.ROOT, root);
            }
            CertificatePath path = pathOf(host.in(StoreName.MY, leaf).analyze(), leaf);
            assertEquals(ChainStatus.COMPLETE, path.status());
            assertEquals(List.of(at(leaf, StoreName.MY), at(ca, StoreName.CA), at(root, StoreName.ROOT)),
                    placed(path), "root store first: " + rootStoreFirst);
        }
    }

    @Test
    void ofTwoCrossSignedIntermediatesTheOneLeadingToATrustedRootWins() {
        Issued otherRoot = pki.root("Chain Other Root");
        // The cross-signed copy expires later, so only the trust of its root can make it lose.
        Issued crossSigned = pki.crossSign(otherRoot, ca, pki.spec("Chain Issuing CA").ca()
                .valid(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(3650))));

        for (boolean crossSignedFirst : new boolean[] {true, false}) {
            Host host = new Host().in(StoreName.ROOT, root);
            if (crossSignedFirst) {
                host.in(StoreName.CA, otherRoot, crossSigned, ca);
            } else {
                host.in(StoreName.CA, otherRoot, ca, crossSigned);
            }
            ChainAnalysis analysis = host.in(StoreName.MY, leaf).analyze();

            CertificatePath path = pathOf(analysis, leaf);
            assertEquals(ChainStatus.COMPLETE, path.status(), "cross-signed first: " + crossSignedFirst);
            assertEquals(List.of(at(leaf, StoreName.MY), at(ca, StoreName.CA), at(root, StoreName.ROOT)),
                    placed(path), "cross-signed first: " + crossSignedFirst);
            // The other path exists: the cross-signed copy leads to the untrusted root.
            CertificatePath other = analysis.pathOf(crossSigned.in(StoreName.CA));
            assertEquals(ChainStatus.UNTRUSTED_ROOT, other.status());
            assertEquals(thumbprint(otherRoot), other.top().thumbprint());
        }
    }

    @Test
    void ofTwoIssuersWithTheSameNameTheOneWhoseKeySignedWins() {
        // Same name, different keys; the impostor comes first and expires later, so only the signature decides.
        Issued impostor = pki.issue(root, pki.spec("Chain Twin CA").ca().freshKey()
                .valid(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(3650))));
        Issued signer = pki.issue(root, pki.spec("Chain Twin CA").ca().freshKey());
        Issued withIds = pki.issue(signer, pki.spec("twin-ids.example.com"));
        Issued withoutIds = pki.issue(signer, pki.spec("twin-noids.example.com").noKeyIdentifiers());

        ChainAnalysis analysis = new Host().in(StoreName.ROOT, root).in(StoreName.CA, impostor, signer)
                .in(StoreName.MY, withIds, withoutIds).analyze();

        for (Issued personal : List.of(withIds, withoutIds)) {
            CertificatePath path = pathOf(analysis, personal);
            assertEquals(ChainStatus.COMPLETE, path.status());
            assertEquals(List.of(at(personal, StoreName.MY), at(signer, StoreName.CA), at(root, StoreName.ROOT)),
                    placed(path), personal.subject().toString());
        }
    }

    @Test
    void issuersWithTheSameNameAndNoKeyIdentifiersAreToldApartBySignature() {
        Issued impostor = pki.issue(root, pki.spec("Chain Bare CA").ca().freshKey().noKeyIdentifiers()
                .valid(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(3650))));
        Issued signer = pki.issue(root, pki.spec("Chain Bare CA").ca().freshKey().noKeyIdentifiers());
        Issued personal = pki.issue(signer, pki.spec("bare.example.com").noKeyIdentifiers());

        ChainAnalysis analysis = new Host().in(StoreName.ROOT, root).in(StoreName.CA, impostor, signer)
                .in(StoreName.MY, personal).analyze();

        assertEquals(List.of(at(personal, StoreName.MY), at(signer, StoreName.CA), at(root, StoreName.ROOT)),
                placed(pathOf(analysis, personal)));
    }

    @Test
    void aValidRenewedIntermediateIsPreferredToAnExpiredOneWithTheSameKey() {
        Issued expired = pki.issue(root, pki.spec("Chain Renewed CA").ca()
                .valid(NOW.minus(Duration.ofDays(1500)), NOW.minus(Duration.ofDays(1))));
        Issued renewed = pki.issue(root, pki.spec("Chain Renewed CA").ca()
                .valid(NOW.minus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(1500))));
        assertEquals(expired.publicKey(), renewed.publicKey(), "renewed with the same key");
        Issued personal = pki.issue(renewed, pki.spec("renewed.example.com"));

        for (List<Issued> order : List.of(List.of(expired, renewed), List.of(renewed, expired))) {
            ChainAnalysis analysis = new Host().in(StoreName.ROOT, root).in(StoreName.CA, order.toArray(Issued[]::new))
                    .in(StoreName.MY, personal).analyze();
            assertEquals(List.of(at(personal, StoreName.MY), at(renewed, StoreName.CA), at(root, StoreName.ROOT)),
                    placed(pathOf(analysis, personal)));
        }
    }

    @Test
    void anIntermediateValidNowIsPreferredToOneNotValidYetThatExpiresLater() {
        Issued current = pki.issue(root, pki.spec("Chain Rollover CA").ca()
                .valid(NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(60))));
        Issued future = pki.issue(root, pki.spec("Chain Rollover CA").ca()
                .valid(NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(2000))));
        Issued personal = pki.issue(current, pki.spec("rollover.example.com"));

        ChainAnalysis analysis = new Host().in(StoreName.ROOT, root).in(StoreName.CA, future, current)
                .in(StoreName.MY, personal).analyze();

        assertEquals(List.of(at(personal, StoreName.MY), at(current, StoreName.CA), at(root, StoreName.ROOT)),
                placed(pathOf(analysis, personal)));
    }

    @Test
    void aLoopOfCrossSignaturesTerminatesIncomplete() {
        // X is signed by Y's key, Y is signed by X's key, and neither has a self-signed copy on the host.
        Issued keyOfY = pki.root("Loop CA Y");
        Issued x = pki.issue(keyOfY, pki.spec("Loop CA X").ca());
        Issued y = pki.crossSign(x, keyOfY, pki.spec("Loop CA Y").ca());
        Issued personal = pki.issue(x, pki.spec("loop.example.com"));

        ChainAnalysis analysis = new Host().in(StoreName.CA, x, y).in(StoreName.MY, personal).analyze();

        CertificatePath path = pathOf(analysis, personal);
        assertEquals(ChainStatus.INCOMPLETE, path.status());
        assertEquals(List.of(at(personal, StoreName.MY), at(x, StoreName.CA), at(y, StoreName.CA)), placed(path));
        assertEquals("CN=Loop CA X", path.missingIssuer());
        assertEquals(ChainStatus.INCOMPLETE, analysis.pathOf(x.in(StoreName.CA)).status());
        assertEquals(ChainStatus.INCOMPLETE, analysis.pathOf(y.in(StoreName.CA)).status());
    }

    @Test
    void aLoopOfCrossSignaturesWithASelfSignedCopyReachesIt() {
        Issued rootY = pki.root("Exit CA Y");
        Issued x = pki.issue(rootY, pki.spec("Exit CA X").ca());
        Issued yByX = pki.crossSign(x, rootY, pki.spec("Exit CA Y").ca());
        Issued personal = pki.issue(x, pki.spec("exit.example.com"));

        ChainAnalysis analysis = new Host().in(StoreName.ROOT, rootY).in(StoreName.CA, x, yByX)
                .in(StoreName.MY, personal).analyze();

        CertificatePath path = pathOf(analysis, personal);
        assertEquals(ChainStatus.COMPLETE, path.status());
        assertEquals(List.of(at(personal, StoreName.MY), at(x, StoreName.CA), at(rootY, StoreName.ROOT)),
                placed(path));
        // Starting from the cross-signed copy of Y: Y(by X) > X > Y(root), each certificate once.
        CertificatePath fromCrossSigned = analysis.pathOf(yByX.in(StoreName.CA));
        assertEquals(ChainStatus.COMPLETE, fromCrossSigned.status());
        assertEquals(List.of(at(yByX, StoreName.CA), at(x, StoreName.CA), at(rootY, StoreName.ROOT)),
                placed(fromCrossSigned));
    }

    @Test
    void aForgedCertificateNamingAnIssuerWhoseKeyDidNotSignItIsIncomplete() {
        Issued rogue = pki.root("Chain Rogue CA");
        Issued forgedWithIds = pki.issue(rogue, pki.spec("forged.example.com").issuerName("CN=Chain Issuing CA"));
        Issued forgedWithoutIds = pki.issue(rogue, pki.spec("forged-noids.example.com")
                .issuerName("CN=Chain Issuing CA").noKeyIdentifiers());

        ChainAnalysis analysis = new Host().in(StoreName.ROOT, root, rogue).in(StoreName.CA, ca)
                .in(StoreName.MY, forgedWithIds, forgedWithoutIds).analyze();

        for (Issued forged : List.of(forgedWithIds, forgedWithoutIds)) {
            CertificatePath path = pathOf(analysis, forged);
            assertEquals(ChainStatus.INCOMPLETE, path.status(), forged.subject().toString());
            assertEquals(List.of(at(forged, StoreName.MY)), placed(path));
            assertEquals("CN=Chain Issuing CA", path.missingIssuer());
            assertFalse(analysis.verifies(forged.in(StoreName.MY), ca.in(StoreName.CA)));
        }
    }

    @Test
    void anIssuerNameDifferingOnlyInCaseAndSpacingFindsTheIssuerAsX500PrincipalEqualityDoes() {
        Issued personal = pki.issue(ca, pki.spec("spacing.example.com").issuerName("cn=  chain   ISSUING ca "));
        Issued unrelated = pki.issue(ca, pki.spec("other.example.com").issuerName("CN=Chain Issuing CA,O=Other"));

        ChainAnalysis analysis = new Host().in(StoreName.ROOT, root).in(StoreName.CA, ca)
                .in(StoreName.MY, personal, unrelated).analyze();

        assertEquals(personal.in(StoreName.MY).issuerPrincipal(), ca.in(StoreName.CA).subjectPrincipal());
        assertEquals(List.of(at(personal, StoreName.MY), at(ca, StoreName.CA), at(root, StoreName.ROOT)),
                placed(pathOf(analysis, personal)));
        assertEquals(ChainStatus.INCOMPLETE, pathOf(analysis, unrelated).status());
    }

    @Test
    void aCertificateNamingItselfAsIssuerButSignedByAnotherKeyIsNotARoot() {
        Issued selfIssued = pki.issue(ca, pki.spec("self-issued.example.com").issuerName("CN=self-issued.example.com"));

        ChainAnalysis analysis = new Host().in(StoreName.ROOT, root).in(StoreName.CA, ca)
                .in(StoreName.MY, selfIssued).analyze();

        StoredCertificate stored = analysis.personalPaths().get(thumbprint(selfIssued)).leaf();
        assertTrue(stored.facts().selfIssued());
        assertFalse(analysis.isSelfSigned(stored));
        CertificatePath path = pathOf(analysis, selfIssued);
        assertEquals(ChainStatus.INCOMPLETE, path.status());
        assertEquals("CN=self-issued.example.com", path.missingIssuer());
    }

    @Test
    void aSelfSignedLeafInPersonalAndTrustedRootIsCompleteAndNamedInPersonal() {
        Issued selfSigned = pki.selfSigned(pki.spec("selfsigned.example.com").san("selfsigned.example.com"));

        ChainAnalysis analysis = new Host().in(StoreName.MY, selfSigned).in(StoreName.ROOT, selfSigned).analyze();

        CertificatePath path = pathOf(analysis, selfSigned);
        assertEquals(ChainStatus.COMPLETE, path.status());
        assertEquals(List.of(at(selfSigned, StoreName.MY)), placed(path));
        assertTrue(analysis.isSelfSigned(path.leaf()));
        assertTrue(analysis.isInRootStore(path.leaf()));
    }

    @Test
    void aSelfSignedLeafOnlyInPersonalIsAnUntrustedRoot() {
        Issued selfSigned = pki.selfSigned(pki.spec("selfsigned.example.com").san("selfsigned.example.com"));

        ChainAnalysis analysis = new Host().in(StoreName.MY, selfSigned).analyze();

        CertificatePath path = pathOf(analysis, selfSigned);
        assertEquals(ChainStatus.UNTRUSTED_ROOT, path.status());
        assertEquals(List.of(at(selfSigned, StoreName.MY)), placed(path));
        assertFalse(analysis.isInRootStore(path.leaf()));
    }

    @Test
    void thePathOfAPersonalCertificateStartsWithThatStoreEntry() {
        StoredCertificate stored = leaf.in(StoreName.MY).withPrivateKey(PrivateKeyFacts.inFile("k", "test"));
        HostSnapshot snapshot = HostSnapshot.builder("h", "test").add(root.in(StoreName.ROOT)).add(ca.in(StoreName.CA))
                .add(stored).build();

        ChainAnalysis analysis = ChainAnalysis.analyze(snapshot, NOW);

        assertSame(stored, analysis.pathOf(stored).leaf());
        assertSame(stored, analysis.personalPaths().get(stored.thumbprint()).leaf());
    }

    @Test
    void everyPathOfAManyCertificateHostIsRight() {
        // 2,000 leaves over 20 intermediates: 10 names, each held by two CAs with different keys, so the issuer
        // of every leaf must be told apart by key identifier or, for every other round of leaves, by signature.
        // Short RSA keys keep the CAs cheap to make and the signatures cheap to check (strength is not what this
        // test is about); the leaves all reuse one key pair.
        Issued scaleRoot = pki.selfSigned(pki.spec("Scale Root").ca().rsa(1024));
        List<Issued> intermediates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            intermediates.add(pki.issue(scaleRoot, pki.spec("Scale CA " + i).ca().rsa(1024)));
            intermediates.add(pki.issue(scaleRoot, pki.spec("Scale CA " + i).ca().rsa(1024).freshKey()));
        }
        Issued keyDonor = pki.issue(scaleRoot, pki.spec("scale-key.example.com").rsa(1024));
        HostSnapshot.Builder builder = HostSnapshot.builder("scale-host", "test").add(scaleRoot.in(StoreName.ROOT));
        intermediates.forEach(c -> builder.add(c.in(StoreName.CA)));
        Map<String, Issued> issuerOf = new HashMap<>();
        for (int n = 0; n < 2000; n++) {
            Issued issuer = intermediates.get(n % intermediates.size());
            TestPki.Spec spec = pki.spec("host" + n + ".scale.example.com");
            if ((n / intermediates.size()) % 2 == 1) {
                spec.noKeyIdentifiers();
            }
            Issued personal = pki.crossSign(issuer, keyDonor, spec);
            builder.add(personal.in(StoreName.MY));
            issuerOf.put(thumbprint(personal), issuer);
        }

        ChainAnalysis analysis = ChainAnalysis.analyze(builder.build(), NOW);

        assertEquals(2000, analysis.personalPaths().size());
        analysis.personalPaths().forEach((thumbprint, path) -> {
            assertEquals(ChainStatus.COMPLETE, path.status(), thumbprint);
            assertEquals(List.of(thumbprint + "@MY", at(issuerOf.get(thumbprint), StoreName.CA),
                    at(scaleRoot, StoreName.ROOT)), placed(path));
        });
    }

    @Test
    void aTimeValidPathToASelfSignedNewRootIsPreferredToItsCrossSignatureByAnExpiredOldRoot() {
        // New Root is in ROOT, self-signed and valid; it is also cross-signed by Old Root, which is in ROOT and
        // expired. The cross-signed copy sits in CA, the store searched first, so only the path's validity decides.
        Issued oldRoot = pki.selfSigned(pki.spec("Rollover Old Root").ca()
                .valid(NOW.minus(Duration.ofDays(3650)), NOW.minus(Duration.ofDays(1))));
        Issued newRoot = pki.root("Rollover New Root");
        Issued newByOld = pki.crossSign(oldRoot, newRoot, pki.spec("Rollover New Root").ca());
        Issued issuing = pki.issue(newRoot, pki.spec("Rollover Issuing CA").ca());
        Issued personal = pki.issue(issuing, pki.spec("rollover.example.com"));

        ChainAnalysis analysis = new Host().in(StoreName.ROOT, oldRoot, newRoot).in(StoreName.CA, newByOld, issuing)
                .in(StoreName.MY, personal).analyze();

        CertificatePath path = pathOf(analysis, personal);
        assertEquals(ChainStatus.COMPLETE, path.status());
        assertEquals(List.of(at(personal, StoreName.MY), at(issuing, StoreName.CA), at(newRoot, StoreName.ROOT)),
                placed(path));
        assertTrue(path.problems().isEmpty(), path.problems()::toString);
        // The evidence says which path was rejected and why.
        String rejected = path.describeRejected();
        assertTrue(rejected != null && rejected.contains(thumbprint(oldRoot))
                && rejected.contains("CERT_TRUST_IS_NOT_TIME_VALID"), String.valueOf(rejected));
    }

    @Test
    void aPathMeetingTheConstraintsIsPreferredToOneThatBreaksThem() {
        // Two copies of the issuing CA with the same key: one says it is not a CA, one is a proper CA.
        Issued notCa = pki.crossSign(root, ca, pki.spec("Chain Issuing CA").keyUsage(
                org.bouncycastle.asn1.x509.KeyUsage.digitalSignature)
                .valid(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(3650))));
        ChainAnalysis analysis = new Host().in(StoreName.ROOT, root).in(StoreName.CA, notCa, ca)
                .in(StoreName.MY, leaf).analyze();

        CertificatePath path = pathOf(analysis, leaf);
        assertEquals(List.of(at(leaf, StoreName.MY), at(ca, StoreName.CA), at(root, StoreName.ROOT)), placed(path));
        assertTrue(path.problems().isEmpty(), path.problems()::toString);
        assertTrue(path.describeRejected().contains("CERT_TRUST_INVALID_BASIC_CONSTRAINTS"), path.describeRejected());
    }

    @Test
    void candidateIssuersPerNameAreCappedAndTheCapIsEvidence() {
        // Twenty same-named CAs without key identifiers: only signatures tell them apart, and only the first
        // MAX_ISSUER_CANDIDATES are tried.
        List<Issued> twins = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twins.add(pki.issue(root, pki.spec("Chain Crowd CA").ca().ec("secp256r1").freshKey().noKeyIdentifiers()));
        }
        Issued signer = twins.get(19);
        Issued personal = pki.issue(signer, pki.spec("crowd.example.com").noKeyIdentifiers());
        Host host = new Host().in(StoreName.ROOT, root);
        twins.forEach(t -> host.in(StoreName.CA, t));
        ChainAnalysis analysis = host.in(StoreName.MY, personal).analyze();

        CertificatePath path = pathOf(analysis, personal);
        assertTrue(path.describeRejected().contains((20 - ChainAnalysis.MAX_ISSUER_CANDIDATES)
                + " more certificates named 'CN=Chain Crowd CA'"), path.describeRejected());
        assertTrue(path.rejected().size() <= ChainAnalysis.MAX_REJECTED_SHOWN);
    }

    @Test
    void withKeyIdentifiersTheMatchingIssuerIsFoundAmongManySameNamedOnes() {
        List<Issued> twins = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twins.add(pki.issue(root, pki.spec("Chain Keyed Crowd CA").ca().ec("secp256r1").freshKey()));
        }
        Issued signer = twins.get(19);
        Issued personal = pki.issue(signer, pki.spec("keyed-crowd.example.com"));
        Host host = new Host().in(StoreName.ROOT, root);
        twins.forEach(t -> host.in(StoreName.CA, t));

        CertificatePath path = pathOf(host.in(StoreName.MY, personal).analyze(), personal);
        assertEquals(ChainStatus.COMPLETE, path.status());
        assertEquals(at(signer, StoreName.CA), placed(path).get(1));
    }

    @Test
    void anIssuerWithAnAbsurdRsaExponentIsRejectedBeforeVerifying() {
        java.math.BigInteger absurd = java.math.BigInteger.ONE.shiftLeft(200).add(java.math.BigInteger.ONE);
        Issued absurdCa = pki.issue(root, pki.spec("Chain Absurd CA").ca().rsaExponent(absurd));
        Issued personal = pki.issue(absurdCa, pki.spec("absurd.example.com"));

        ChainAnalysis analysis = new Host().in(StoreName.ROOT, root).in(StoreName.CA, absurdCa)
                .in(StoreName.MY, personal).analyze();

        CertificatePath path = pathOf(analysis, personal);
        assertEquals(ChainStatus.INCOMPLETE, path.status());
        assertTrue(path.describeRejected().contains("public exponent has 201 bits"), path.describeRejected());
        assertFalse(analysis.verifies(personal.in(StoreName.MY), absurdCa.in(StoreName.CA)));
    }

    @Test
    void aCertificateInTheDisallowedStoreIsNeverAPathElementButMarksThePath() {
        ChainAnalysis analysis = new Host().in(StoreName.ROOT, root).in(StoreName.DISALLOWED, ca)
                .in(StoreName.MY, leaf).analyze();
        // Only in Disallowed: not an issuer candidate, so the path is incomplete.
        assertEquals(ChainStatus.INCOMPLETE, pathOf(analysis, leaf).status());

        ChainAnalysis both = new Host().in(StoreName.ROOT, root).in(StoreName.CA, ca).in(StoreName.DISALLOWED, ca)
                .in(StoreName.MY, leaf).analyze();
        CertificatePath path = pathOf(both, leaf);
        assertEquals(ChainStatus.COMPLETE, path.status());
        assertTrue(path.has(ChainDefect.DISTRUSTED));
        assertEquals(thumbprint(ca), path.problems(ChainDefect.DISTRUSTED).get(0).element().thumbprint());
    }
}
