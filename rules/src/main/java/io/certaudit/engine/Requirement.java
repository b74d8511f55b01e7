package io.certaudit.engine;

/**
 * What the audit must check, each with the document it comes from and the words that document uses, so that a rule
 * says which requirement it enforces and {@code docs/rules.md} shows, requirement by requirement, which rules enforce
 * it. B1-B7 are BlackBerry's BEMS MTLS certificate requirements, E1-E4 those of Exchange Online UM for a session
 * border controller's certificate, KB articles are Microsoft's, and LYNC the Lync Server 2013 certificate
 * infrastructure requirements.
 *
 * <p>A requirement no rule enforces says why in {@link #notCovered()}; a test keeps that list honest.
 */
public enum Requirement {

    B1(Document.BEMS, "The service's certificate, issued by a trusted CA, is in LocalMachine\\Personal",
            "The private certificate issued for BEMS by a trusted CA must be stored on the computer hosting BEMS "
                    + "Console Root\\Certificates <local_host_name>\\Personal\\Certificate folder."),
    B2(Document.BEMS, "The service's and the peer's certificates are both trusted by roots in Trusted Root",
            "The BEMS computer's private certificate and the Microsoft Lync Server or Skype for Business internal "
                    + "computer certificate must both be trusted by root certificates in BEMS's Console Root\\"
                    + "Certificate <local_host_name>\\Trusted Root Certification Authorities\\Certificates folder."),
    B3(Document.BEMS, "The intermediates of both chains are in the Intermediate Certification Authorities store",
            "Intermediate certificates for both the BEMS private certificate and the Microsoft Lync Server or Skype "
                    + "for Business internal computer certificate must be located in the BEMS Console Root\\"
                    + "Certificates <local_host_name>\\Intermediate Certification Authorities\\Certificates "
                    + "folder."),
    B4(Document.BEMS, "The subject CN is a valid FQDN, such as the trusted application pool name",
            "The Subject Name certificate property must contain the Common Name (CN) of a valid FQDN such as a "
                    + "trusted application pool name (for example, CN=bemsapppool.example.com)."),
    B5(Document.BEMS, "The SAN holds the pool FQDN and the FQDN of every BEMS instance",
            "The Subject Alternative Name (SAN) certificate property must include the FQDN for the trusted "
                    + "application pool and the FQDN of each BEMS instance that the certificate will be used for."),
    B6(Document.BEMS, "The certificate is signed by a CA both sides trust",
            "The certificate must be signed by a CA that is mutually trusted by both the Microsoft Lync Server or "
                    + "Skype for Business and BEMS."),
    B7(Document.BEMS, "The service account can read the certificate store and the private key",
            "The account used to run BEMS must have read access to the certificate store and the private key."),

    E1(Document.EXCHANGE_UM_SBC, "Signed by a recognised CA; self-signed certificates are not supported",
            "The certificate must be signed by a recognized certification authority (CA). Self-signed "
                    + "certificates, which you generate yourself, aren't supported."),
    E2(Document.EXCHANGE_UM_SBC, "The subject CN equals the UM IP gateway address, letter case included, and the "
            + "SAN holds the same string",
            "The subject common name in the CN in the certificate must match the Address field of the UM IP gateway "
                    + "that you create in Exchange Online. [...] make sure that the subject name and subject "
                    + "alternative name in the certificate contain the same string [...]. This string is "
                    + "case-sensitive, so make sure the case is the same."),
    E3(Document.EXCHANGE_UM_SBC, "Key length at least 1024 bits; 2048 recommended",
            "The length of the keys contained in the certificate must be at least 1024 bits. We recommend the use "
                    + "of keys that are 2048 bits long."),
    E4(Document.EXCHANGE_UM_SBC, "The FQDN resolves in DNS to the right address",
            "Check that this FQDN can be resolved by external DNS clients to the correct IP address."),

    KB2464556(Document.KB2464556, "Schannel truncates the trusted issuer list it sends, and UC peers then fail "
            + "to connect",
            "The CTL is truncated as per the design limitations of the Windows Server Schannel component."),
    KB2880390(Document.KB2880390, "On Windows Server 2012 a Trusted Root store past 16 KB breaks client "
            + "certificate authentication whatever SendTrustedIssuerList says",
            "the operation causes the Trusted Root store to exceed the 16 kilobytes (KB) limit [...] This issue "
                    + "occurs regardless of the value of the SendTrustedIssuerList registry entry."),
    KB933430(Document.KB933430, "Too many trusted roots stop clients connecting when client certificates are "
            + "required",
            "Clients cannot make connections if you require client certificates on a Web site or if you use IAS "
                    + "in Windows Server 2003"),

    LYNC_SERVER_EKU(Document.LYNC_2013_CERTIFICATES, "Every server certificate carries the Server Authentication "
            + "EKU",
            "All server certificates must support server authorization (Server EKU)."),
    LYNC_CRL_DISTRIBUTION_POINT(Document.LYNC_2013_CERTIFICATES, "Every server certificate names a CRL "
            + "distribution point",
            "All server certificates must contain a CRL Distribution Point (CDP)."),
    LYNC_SIGNATURE_ALGORITHM(Document.LYNC_2013_CERTIFICATES, "Certificates are signed with an algorithm the "
            + "operating system supports; RSASSA-PSS is not supported",
            "All certificates must be signed using a signing algorithm supported by the operating system. [...] "
                    + "Using the RSASSA-PSS signature algorithm is unsupported, and may lead to errors on login and "
                    + "call forwarding issues, among other problems.");

    /** Where requirements are written down. */
    public enum Document {
        BEMS("BlackBerry Enterprise Mobility Server (BEMS): Mutual TLS (MTLS) certificates", ""),
        EXCHANGE_UM_SBC("Exchange Online UM: Get a Certificate for Exchange UM Online (certificate requirements "
                + "for SBCs)", ""),
        KB2464556("Microsoft KB 2464556: Failed TLS connection between unified communications peers generates an "
                + "Schannel warning", "https://support.microsoft.com/help/2464556"),
        KB2880390("Microsoft KB 2880390: client certificate authentication fails when the Trusted Root store "
                + "exceeds 16 KB on Windows Server 2012", "https://support.microsoft.com/help/2880390"),
        KB933430("Microsoft KB 933430: Clients cannot make connections if you require client certificates on a "
                + "Web site or if you use IAS in Windows Server 2003", "https://support.microsoft.com/help/933430"),
        LYNC_2013_CERTIFICATES("Microsoft: Certificate infrastructure requirements for Lync Server 2013",
                "https://learn.microsoft.com/en-us/previous-versions/office/lync-server-2013/"
                        + "lync-server-2013-certificate-infrastructure-requirements");

        private final String title;
        private final String link;

        Document(String title, String link) {
            this.title = title;
            this.link = link;
        }

        public String title() {
            return title;
        }

        /**
         * Where the document is published, or empty: the BEMS and Exchange UM pages have moved between vendors'
         * sites over the years, so the title identifies them rather than an address that would rot.
         */
        public String link() {
            return link;
        }
    }

    private final Document document;
    private final String summary;
    private final String quote;

    Requirement(Document document, String summary, String quote) {
        this.document = document;
        this.summary = summary;
        this.quote = quote;
    }

    public Document document() {
        return document;
    }

    /** The requirement in one line, in the project's words. */
    public String summary() {
        return summary;
    }

    /** The document's own words, verbatim; "[...]" marks text left out. */
    public String quote() {
        return quote;
    }

    /** The label used in docs and citations: {@code B1}, {@code KB2464556}, {@code LYNC_SERVER_EKU}. */
    public String label() {
        return name();
    }

    /**
     * Why no built-in rule enforces this requirement, or empty when one does. Every requirement is covered
     * today; a requirement added without a rule must say here why the audit cannot check it.
     */
    public String notCovered() {
        return "";
    }
}
