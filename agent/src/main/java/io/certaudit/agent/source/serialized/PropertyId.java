package io.certaudit.agent.source.serialized;

/**
 * Property identifiers of a serialized certificate element. Values from wincrypt.h (mingw-w64
 * {@code mingw-w64-headers/include/wincrypt.h}) and the CertGetCertificateContextProperty documentation; the
 * three context ids are not in wincrypt.h and come from [MS-OSHARED] 2.3.2.5.1 and Wine's crypt32.
 */
final class PropertyId {

    /** CERT_KEY_PROV_INFO_PROP_ID: where the private key is (CRYPT_KEY_PROV_INFO with 32-bit offsets). */
    static final long KEY_PROV_INFO = 2;
    /** CERT_SHA1_HASH_PROP_ID: the SHA-1 thumbprint the store recorded for the certificate. */
    static final long SHA1_HASH = 3;
    /** CERT_ENHKEY_USAGE_PROP_ID: purposes the store allows, a DER SEQUENCE OF OBJECT IDENTIFIER. */
    static final long ENHKEY_USAGE = 9;
    /** CERT_FRIENDLY_NAME_PROP_ID: NUL-terminated UTF-16LE. */
    static final long FRIENDLY_NAME = 11;
    /** CERT_ARCHIVED_PROP_ID: no data; present means enumerations skip the certificate. */
    static final long ARCHIVED = 19;
    /** CERT_CERT_PROP_ID: the DER certificate, which closes its element ([MS-OSHARED] 2.3.2.5.4). */
    static final long CERTIFICATE = 32;
    /** CERT_CRL_PROP_ID: an encoded CRL closing its element. */
    static final long CRL = 33;
    /** CERT_CTL_PROP_ID: an encoded CTL closing its element. */
    static final long CTL = 34;
    /** CERT_LAST_USER_PROP_ID: no property id, reserved or user-defined, is above it. */
    static final long LAST_USER = 0xFFFF;

    private PropertyId() {
    }
}
