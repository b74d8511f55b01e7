package io.certaudit.agent.windows;

import java.time.Instant;

import io.certaudit.agent.source.HostSource;
import io.certaudit.agent.source.SourceException;
import io.certaudit.model.HostSnapshot;

/**
 * Where {@code certaudit audit} without {@code --source} reads the host from: this machine's stores through the
 * native API on Windows, a source that says how to audit an exported copy elsewhere, or, in tests, the live source
 * over a fake API, which runs the whole live path on any OS.
 */
@FunctionalInterface
public interface LiveStores {

    /**
     * The live source.
     *
     * @param at the time the Windows chain engine validates at (the audit's {@code --at}), or {@code null} for now
     */
    default HostSource open(ServiceAccountSelection account, Instant at) {
        return open(account, at, false);
    }

    /**
     * The live source.
     *
     * @param at                    the time the Windows chain engine validates at, or {@code null} for now
     * @param chainChecksRevocation whether the chain engine is asked to check revocation too (the audit's
     *                              {@code --check-revocation}); without it the engine fetches nothing
     */
    HostSource open(ServiceAccountSelection account, Instant at, boolean chainChecksRevocation);

    /** The live source over {@code api}. */
    static LiveStores over(WindowsCertificateApi api) {
        return (account, at, revocation) -> new WindowsStoreSource(api, null, account, at, revocation);
    }

    /** The live source over {@code api}, reading the SCHANNEL settings and the Windows version from {@code registry}. */
    static LiveStores over(WindowsCertificateApi api, RegistryValues registry) {
        return (account, at, revocation) -> new WindowsStoreSource(api, registry, account, at, revocation);
    }

    /**
     * A live source that cannot be read here, because this is not Windows: its {@link HostSource#read()} fails with a
     * message that says how to audit an exported copy instead. (On Windows the bindings give the live source.)
     */
    static LiveStores unavailable(String osName) {
        return (account, at, revocation) -> new HostSource() {
            @Override
            public HostSnapshot read() throws SourceException {
                throw new SourceException(String.format(WindowsStoreSource.NOT_WINDOWS, osName));
            }

            @Override
            public String describe() {
                return "this machine's Windows certificate stores";
            }
        };
    }
}
