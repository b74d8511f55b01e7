package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.KeyStore;

import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.junit.jupiter.api.Test;

import io.certaudit.testing.TestPki;

/**
 * The PFX the Windows-only live test imports, checked here on any OS: the legacy algorithms every supported
 * Windows accepts (3DES bags, SHA-1 MAC), and a file a PKCS#12 reader opens with the key and certificate.
 */
class LivePfxTest {

    @Test
    void theLiveTestsPfxUsesAlgorithmsEverySupportedWindowsImports() throws Exception {
        TestPki pki = new TestPki();
        TestPki.Issued issued = pki.selfSigned(pki.spec("certaudit-live-test.example.com"));
        byte[] der = WindowsLiveStoreTest.pfx(issued);

        PKCS12PfxPdu pfx = new PKCS12PfxPdu(der);
        assertEquals(OIWObjectIdentifiers.idSHA1, pfx.getMacAlgorithmID().getAlgorithm());
        for (ContentInfo info : pfx.getContentInfos()) {
            if (info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)) {
                assertEquals(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                        org.bouncycastle.asn1.pkcs.EncryptedData.getInstance(info.getContent())
                                .getEncryptionAlgorithm().getAlgorithm());
            } else {
                for (PKCS12SafeBag bag : new PKCS12SafeBagFactory(info).getSafeBags()) {
                    assertEquals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag, bag.getType());
                    assertEquals(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                            ((org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo) bag.getBagValue())
                                    .getEncryptionAlgorithm().getAlgorithm());
                }
            }
        }

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(new ByteArrayInputStream(der), WindowsLiveStoreTest.PASSWORD.toCharArray());
        String alias = keyStore.aliases().nextElement();
        assertTrue(keyStore.isKeyEntry(alias));
        assertEquals(issued.privateKey(), keyStore.getKey(alias, WindowsLiveStoreTest.PASSWORD.toCharArray()));
    }
}
