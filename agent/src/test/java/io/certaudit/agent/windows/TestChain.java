package io.certaudit.agent.windows;

import io.certaudit.testing.TestPki;

/** A root, an intermediate and a BEMS server certificate from the shared test PKI, as DER. */
final class TestChain {

    final byte[] root;
    final byte[] intermediate;
    final byte[] leaf;

    TestChain() {
        TestPki pki = new TestPki();
        TestPki.Issued rootCa = pki.root("Test Root");
        TestPki.Issued issuingCa = pki.issue(rootCa, pki.spec("Test Intermediate").ca());
        this.root = rootCa.der();
        this.intermediate = issuingCa.der();
        this.leaf = pki.issue(issuingCa, pki.spec("bems.example.com").san("bems.example.com")).der();
    }
}
