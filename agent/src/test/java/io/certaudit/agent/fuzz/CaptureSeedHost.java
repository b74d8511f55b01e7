package io.certaudit.agent.fuzz;

import java.util.List;
import java.util.Map;

import io.certaudit.agent.report.ReportScenarios;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.OsChainVerdict;
import io.certaudit.model.RegistryDword;
import io.certaudit.model.SchannelSettings;
import io.certaudit.model.StoreEntryFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.UnreadableCertificateException;
import io.certaudit.model.UserStoreRead;

/** The host the capture seeds describe: the broken scenario with every typed fact a capture carries set. */
final class CaptureSeedHost {

    private CaptureSeedHost() {
    }

    static HostSnapshot snapshot() {
        HostSnapshot broken = ReportScenarios.brokenMtlsSnapshot();
        HostSnapshot.Builder builder = HostSnapshot.builder(broken.hostName(), broken.source());
        for (StoredCertificate certificate : broken.certificates()) {
            builder.add(certificate.store() == StoreName.MY
                    ? certificate.withOsChainVerdict(OsChainVerdict.built(0x20, 0x100, List.of(certificate.thumbprint())))
                    : certificate.withStoreEntry(new StoreEntryFacts(certificate.thumbprint(), certificate.thumbprint(),
                            false, List.of("1.3.6.1.5.5.7.3.1"))));
        }
        broken.problems().forEach(builder::problem);
        return builder.serviceAccount(broken.serviceAccount())
                .add(clientAuthIssuer(broken.store(StoreName.ROOT).get(0)))
                .schannel(new SchannelSettings(SchannelSettings.Origin.LIVE_REGISTRY, SchannelSettings.KEY,
                        RegistryDword.of(1), RegistryDword.unreadable("registry type 1, not REG_DWORD")))
                .windowsVersion(broken.windowsVersion())
                .userStoreCertificate(broken.store(StoreName.MY).get(0).withUserStore("CurrentUser\\MY"))
                .userStoreRead(new UserStoreRead("CurrentUser\\MY", UserStoreRead.Outcome.READ, 1, null, Map.of()))
                .userStoreRead(new UserStoreRead("Services\\GoodTechnology\\MY", UserStoreRead.Outcome.NOT_READABLE, 0,
                        "5 (Access is denied.)", Map.of()))
                .build();
    }

    private static StoredCertificate clientAuthIssuer(StoredCertificate root) {
        try {
            return StoredCertificate.parse(StoreName.CLIENT_AUTH_ISSUER, root.encoded(), "ClientAuthIssuer");
        } catch (UnreadableCertificateException e) {
            throw new AssertionError(e);
        }
    }
}
