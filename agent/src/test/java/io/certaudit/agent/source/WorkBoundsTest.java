package io.certaudit.agent.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.model.HostSnapshot;
import io.certaudit.model.StoreName;
import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/**
 * Work is bounded before it is done: a PFX is not opened when its password derivations would exceed the budget, and
 * the entry limit stops a folder source while it reads rather than after it has parsed every file.
 */
class WorkBoundsTest {

    private static final TestPki PKI = new TestPki();
    private static final Issued ROOT = PKI.root("Bounds Test Root");
    private static final Issued LEAF = PKI.issue(ROOT, PKI.spec("bems.example.com").san("bems.example.com"));

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Iteration counts are written as 0x010000 and raised in place to this, which takes as many bytes. */
    private static final int HOSTILE_ITERATIONS = 5_000_000;

    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    @TempDir
    Path dir;

    @Test
    void aPfxAskingForMillionsOfIterationsIsReportedNotOpened() throws Exception {
        HostFolder host = new HostFolder(dir);
        host.write(host.file("MY", "slow.pfx"), pfxWithKeyBags(6));

        HostSnapshot snapshot = new FolderSource(dir, new CertificateFileReader("pw".toCharArray(),
                SourceLimits.defaults())).read();

        assertEquals(0, snapshot.certificates().size());
        String message = snapshot.problems().get(0).message();
        long asked = 8L * HOSTILE_ITERATIONS; // the MAC, the certificates' container and six keys
        assertTrue(message.contains("not opened") && message.contains(asked + " iterations")
                && message.contains("budget of " + CertificateFileReader.PFX_ITERATION_BUDGET), message);
    }

    @Test
    void theCostOfAPfxIsReadFromItsClearLayers() throws Exception {
        Pkcs12Cost cost = Pkcs12Cost.of(pfxWithKeyBags(3));
        assertEquals(5L * HOSTILE_ITERATIONS, cost.iterations());
        assertEquals(3, cost.visibleKeys());
        assertEquals(new Pkcs12Cost(0, 0), Pkcs12Cost.of("not a pfx".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theEntryLimitStopsParsingInsteadOfCuttingAfterIt() throws Exception {
        // 3,000 certificates in one PEM file, and a limit of 10: only what the limit can take is parsed.
        StringBuilder text = new StringBuilder();
        String block = HostFolder.pem("CERTIFICATE", LEAF.der());
        for (int i = 0; i < 3_000; i++) {
            text.append(block);
        }
        HostFolder host = new HostFolder(dir);
        host.write(host.file("CA", "bundle.pem"), text.toString().getBytes(StandardCharsets.US_ASCII));
        CertificateFileReader reader = new CertificateFileReader(null, new SourceLimits(1 << 24, 10));
        new FolderSource(dir, reader).read(); // loads the classes a first read loads

        long before = allThreadsAllocated();
        HostSnapshot snapshot = new FolderSource(dir, reader).read();
        long allocated = allThreadsAllocated() - before;

        assertEquals(10, snapshot.store(StoreName.CA).size());
        assertTrue(snapshot.problems().get(0).message().contains("more than 10 entries"));
        // Decoding the file's base64 takes a few times its 3 MB (18 MB in all); parsing all 3,000 took 65 MB.
        assertTrue(allocated < 32L * 1024 * 1024, "reading allocated " + allocated + " bytes");
    }

    /** Allocation of every live thread: files are read on the common pool's threads. */
    private static long allThreadsAllocated() {
        long total = 0;
        for (long allocated : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            total += Math.max(0, allocated);
        }
        return total;
    }

    /**
     * A PFX whose MAC, certificate container and {@code keyBags} shrouded keys each ask for
     * {@value #HOSTILE_ITERATIONS} iterations: made with 65,536 each (cheap), then raised in place.
     */
    static byte[] pfxWithKeyBags(int keyBags) throws Exception {
        char[] password = "pw".toCharArray();
        PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
        var certificates = new JcePKCSPBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC)
                .setIterationCount(0x10000).setProvider(BC).build(password);
        pfx.addEncryptedData(certificates, new PKCS12SafeBag[] {new JcaPKCS12SafeBagBuilder(
                new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(LEAF.holder()))
                .build()});
        for (int i = 0; i < keyBags; i++) {
            var keys = new JcePKCSPBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)
                    .setIterationCount(0x10000).setProvider(BC).build(password);
            pfx.addData(new JcaPKCS12SafeBagBuilder(LEAF.privateKey(), keys).build());
        }
        byte[] der = pfx.build(new JcePKCS12MacCalculatorBuilder(OIWObjectIdentifiers.idSHA1)
                .setIterationCount(0x10000).setProvider(BC), password).getEncoded(ASN1Encoding.DER);
        byte[] from = {0x02, 0x03, 0x01, 0x00, 0x00};
        byte[] to = {0x02, 0x03, 0x4c, 0x4b, 0x40};
        assertEquals(BigInteger.valueOf(HOSTILE_ITERATIONS), new BigInteger(1, new byte[] {0x4c, 0x4b, 0x40}));
        int raised = 0;
        for (int i = 0; i + from.length <= der.length; i++) {
            if (java.util.Arrays.equals(der, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, der, i, to.length);
                raised++;
            }
        }
        assertEquals(keyBags + 2, raised, "every iteration count is raised");
        return der;
    }
}
