package io.certaudit.catalog;

import java.util.List;

import io.certaudit.catalog.access.PrivateKeyNotReadable;
import io.certaudit.catalog.access.StoreNotReadable;
import io.certaudit.catalog.chain.CertificateDistrusted;
import io.certaudit.catalog.chain.ChainIncomplete;
import io.certaudit.catalog.chain.ChainIssuerKeyUsage;
import io.certaudit.catalog.chain.ChainIssuerNotCa;
import io.certaudit.catalog.chain.ChainNotValidForUsage;
import io.certaudit.catalog.chain.ChainPathLengthExceeded;
import io.certaudit.catalog.chain.ChainRootNotRecognised;
import io.certaudit.catalog.chain.CriticalExtensionUnknown;
import io.certaudit.catalog.chain.ChainUntrustedRoot;
import io.certaudit.catalog.chain.IntermediateMisplaced;
import io.certaudit.catalog.chain.NameConstraintsViolated;
import io.certaudit.catalog.chain.OsChainDisagrees;
import io.certaudit.catalog.chain.SelfSignedCertificate;
import io.certaudit.catalog.dates.CertificateExpired;
import io.certaudit.catalog.dates.CertificateExpiring;
import io.certaudit.catalog.dates.CertificateNotYetValid;
import io.certaudit.catalog.inventory.CertificateInUserStore;
import io.certaudit.catalog.inventory.DuplicateServiceCertificates;
import io.certaudit.catalog.inventory.NoServiceCertificate;
import io.certaudit.catalog.inventory.StoreEntryTampered;
import io.certaudit.catalog.inventory.StoreReadPartially;
import io.certaudit.catalog.inventory.UnreadableCertificate;
import io.certaudit.catalog.keys.KeyAlgorithmNotSchannel;
import io.certaudit.catalog.keys.KeyTooShort;
import io.certaudit.catalog.keys.PrivateKeyInUserKeySet;
import io.certaudit.catalog.keys.PrivateKeyMismatch;
import io.certaudit.catalog.keys.KeyUsageNotTls;
import io.certaudit.catalog.keys.PrivateKeyMissing;
import io.certaudit.catalog.keys.PrivateKeyUnverified;
import io.certaudit.catalog.names.FqdnNotResolvable;
import io.certaudit.catalog.names.SanMissingFqdn;
import io.certaudit.catalog.names.SubjectCnNotFqdn;
import io.certaudit.catalog.names.SubjectMismatch;
import io.certaudit.catalog.peer.PeerCertificateExpired;
import io.certaudit.catalog.peer.PeerCertificateExpiring;
import io.certaudit.catalog.peer.PeerCertificateNotYetValid;
import io.certaudit.catalog.peer.PeerDoesNotAcceptIssuer;
import io.certaudit.catalog.peer.PeerIssuerNotClientAuthIssuer;
import io.certaudit.catalog.peer.PeerNameMismatch;
import io.certaudit.catalog.peer.PeerNotRequestingClientCertificate;
import io.certaudit.catalog.peer.PeerUnreachable;
import io.certaudit.catalog.peer.PeerUntrusted;
import io.certaudit.catalog.peer.PeerWeakSignatureAlgorithm;
import io.certaudit.catalog.rootstore.RootStoreDuplicate;
import io.certaudit.catalog.rootstore.RootStoreNonSelfSigned;
import io.certaudit.catalog.chain.CertificateRevoked;
import io.certaudit.catalog.chain.RevocationStatusUnavailable;
import io.certaudit.catalog.rootstore.RootStoreTooLarge;
import io.certaudit.catalog.usage.CrlDistributionPointMissing;
import io.certaudit.catalog.usage.EkuMissingClientAuth;
import io.certaudit.catalog.usage.EkuMissingServerAuth;
import io.certaudit.catalog.usage.SignatureAlgorithmUnsupported;
import io.certaudit.catalog.usage.WeakSignatureAlgorithm;
import io.certaudit.engine.RuleCatalog;

/** The built-in catalogue, listed explicitly so that a review sees every rule that runs, grouped by area. */
public final class BuiltInRules {

    private BuiltInRules() {
    }

    public static RuleCatalog catalog() {
        return new RuleCatalog(List.of(
                // inventory
                new NoServiceCertificate(),
                new DuplicateServiceCertificates(),
                new UnreadableCertificate(),
                new StoreEntryTampered(),
                new StoreReadPartially(),
                new CertificateInUserStore(),
                // keys
                new PrivateKeyMissing(),
                new PrivateKeyUnverified(),
                new PrivateKeyMismatch(),
                new PrivateKeyInUserKeySet(),
                new KeyTooShort(),
                new KeyUsageNotTls(),
                new KeyAlgorithmNotSchannel(),
                // access
                new PrivateKeyNotReadable(),
                new StoreNotReadable(),
                // chain
                new ChainIncomplete(),
                new ChainUntrustedRoot(),
                new IntermediateMisplaced(),
                new SelfSignedCertificate(),
                new CertificateDistrusted(),
                new ChainIssuerNotCa(),
                new ChainPathLengthExceeded(),
                new ChainIssuerKeyUsage(),
                new NameConstraintsViolated(),
                new CriticalExtensionUnknown(),
                new ChainNotValidForUsage(),
                new OsChainDisagrees(),
                // names
                new SubjectCnNotFqdn(),
                new SanMissingFqdn(),
                new SubjectMismatch(),
                new FqdnNotResolvable(),
                // usage
                new EkuMissingServerAuth(),
                new EkuMissingClientAuth(),
                new WeakSignatureAlgorithm(),
                new SignatureAlgorithmUnsupported(),
                new CrlDistributionPointMissing(),
                // dates
                new CertificateExpired(),
                new CertificateNotYetValid(),
                new CertificateExpiring(),
                // trusted root store
                new RootStoreNonSelfSigned(),
                new RootStoreTooLarge(),
                new RootStoreDuplicate(),
                // the MTLS peer, from a probe's handshake
                new PeerUnreachable(),
                new PeerUntrusted(),
                new PeerDoesNotAcceptIssuer(),
                new PeerNameMismatch(),
                new PeerNotRequestingClientCertificate(),
                new PeerCertificateExpired(),
                new PeerCertificateExpiring(),
                new PeerCertificateNotYetValid(),
                new PeerWeakSignatureAlgorithm(),
                // SChannel's client authentication settings and Microsoft's root program
                new PeerIssuerNotClientAuthIssuer(),
                new ChainRootNotRecognised(),
                // revocation, fetched only when asked
                new CertificateRevoked(),
                new RevocationStatusUnavailable()));
    }
}
