package io.certaudit.agent.source;

import java.math.BigInteger;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBEParameter;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * What opening a PKCS#12 file will cost in password derivations, read from its clear layers before anything is
 * decrypted. Each password-based step (the integrity MAC, each encrypted container, each shrouded key) names its own
 * iteration count, and the JDK accepts up to five million for each: a small hostile file with a handful of key bags
 * at that count keeps a reader busy for a minute. The reader adds up the counts first and opens the file only within
 * its budget.
 *
 * <p>Key bags inside an encrypted container are seen only after decryption; {@link #visibleKeys()} lets the reader
 * tell when the file holds more keys than were counted here, and leave those unopened.
 *
 * @param iterations  the iteration counts of every derivation seen, added up once (a count that is not a number
 *                    counts as {@link Long#MAX_VALUE})
 * @param visibleKeys the shrouded key bags seen in the clear layers, whose derivation is counted
 */
record Pkcs12Cost(long iterations, int visibleKeys) {

    /** How deep {@code safeContentsBag}s may nest before the file is not counted further. */
    private static final int MAX_BAG_DEPTH = 8;

    /** The cost of {@code der}, which {@link Asn1Guard} has accepted; empty-handed (zero) when it is no PKCS#12. */
    static Pkcs12Cost of(byte[] der) {
        Counter counter = new Counter();
        try {
            Pfx pfx = Pfx.getInstance(ASN1Primitive.fromByteArray(der));
            MacData mac = pfx.getMacData();
            if (mac != null) {
                counter.add(mac.getIterationCount());
            }
            ContentInfo authSafe = pfx.getAuthSafe();
            if (PKCSObjectIdentifiers.data.equals(authSafe.getContentType())) {
                AuthenticatedSafe safe = AuthenticatedSafe.getInstance(
                        ASN1OctetString.getInstance(authSafe.getContent()).getOctets());
                for (ContentInfo info : safe.getContentInfo()) {
                    if (PKCSObjectIdentifiers.data.equals(info.getContentType())) {
                        counter.bags(ASN1Sequence.getInstance(
                                ASN1OctetString.getInstance(info.getContent()).getOctets()), 0);
                    } else if (PKCSObjectIdentifiers.encryptedData.equals(info.getContentType())) {
                        counter.add(iterations(EncryptedData.getInstance(info.getContent()).getEncryptionAlgorithm()));
                    }
                }
            }
        } catch (RuntimeException | java.io.IOException e) {
            // Not a PKCS#12 the counter understands: the JDK refuses it without deriving anything either, or
            // derives no more than what was counted before the damage.
        }
        return new Pkcs12Cost(counter.total, counter.keys);
    }

    /** The iteration count an encryption algorithm names: PBES2 with PBKDF2, PKCS#12 PBE or PKCS#5 v1 PBE. */
    private static BigInteger iterations(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier id = algorithm.getAlgorithm();
        ASN1Encodable parameters = algorithm.getParameters();
        if (parameters == null) {
            return BigInteger.ZERO;
        }
        if (PKCSObjectIdentifiers.id_PBES2.equals(id)) {
            PBES2Parameters pbes2 = PBES2Parameters.getInstance(parameters);
            if (PKCSObjectIdentifiers.id_PBKDF2.equals(pbes2.getKeyDerivationFunc().getAlgorithm())) {
                return PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters()).getIterationCount();
            }
            return BigInteger.ZERO; // a derivation the JDK does not implement: it refuses the file unopened
        }
        if (id.on(PKCSObjectIdentifiers.pkcs_12PbeIds)) {
            return PKCS12PBEParams.getInstance(parameters).getIterations();
        }
        if (id.on(PKCSObjectIdentifiers.pkcs_5)) {
            return PBEParameter.getInstance(parameters).getIterationCount();
        }
        return BigInteger.ZERO;
    }

    /** Adds up iteration counts, saturating. */
    private static final class Counter {
        long total;
        int keys;

        void add(BigInteger count) {
            long value = count.bitLength() < Long.SIZE - 1 ? Math.max(0, count.longValue()) : Long.MAX_VALUE;
            total = total > Long.MAX_VALUE - value ? Long.MAX_VALUE : total + value;
        }

        void bags(ASN1Sequence safeContents, int depth) {
            for (ASN1Encodable element : safeContents) {
                SafeBag bag = SafeBag.getInstance(element);
                if (PKCSObjectIdentifiers.pkcs8ShroudedKeyBag.equals(bag.getBagId())) {
                    keys++;
                    add(iterations(EncryptedPrivateKeyInfo.getInstance(bag.getBagValue()).getEncryptionAlgorithm()));
                } else if (PKCSObjectIdentifiers.safeContentsBag.equals(bag.getBagId()) && depth < MAX_BAG_DEPTH) {
                    bags(ASN1Sequence.getInstance(bag.getBagValue()), depth + 1);
                }
            }
        }
    }
}
