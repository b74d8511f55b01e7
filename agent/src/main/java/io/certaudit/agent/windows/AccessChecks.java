package io.certaudit.agent.windows;

import java.util.List;
import java.util.Objects;

/**
 * What the live source asks of the security subsystem: who may read a key file or a store's registry key.
 * Each call opens what it needs, copies the answer out and frees every handle before returning; nothing native crosses
 * this interface. A failure is an answer too ({@link NativeError}), never an exception, so the logic above can tell a
 * missing store from a denied one. The JNA implementation is in {@code windows.jna}; tests on any OS use a fake.
 */
public interface AccessChecks {

    /** The owner, group and DACL of a file or registry key, self-relative, with its SDDL. */
    SecurityDescriptorRead securityDescriptor(SecuredObject object);

    /**
     * The rights an account with the given groups holds on an object, by AuthzAccessCheck asking for
     * MAXIMUM_ALLOWED. {@code securityDescriptor} is self-relative with generic rights already mapped.
     *
     * @param skipTokenGroups build the context from the SID alone (AUTHZ_SKIP_TOKEN_GROUPS) instead of letting
     *                        Authz look the account's groups up; {@code groupSids} are added either way
     */
    AccessCheckResult effectiveAccess(String accountSid, boolean skipTokenGroups, List<String> groupSids,
                                      byte[] securityDescriptor);

    // ---------------------------------------------------------------------------------------------------------
    // The values that cross the interface.
    // ---------------------------------------------------------------------------------------------------------

    /** A securable object by name, as GetNamedSecurityInfo takes it. */
    record SecuredObject(Kind kind, String name) {
        public enum Kind { FILE, REGISTRY_KEY }

        public SecuredObject {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }

        public static SecuredObject file(String path) {
            return new SecuredObject(Kind.FILE, path);
        }

        /** {@code MACHINE\SOFTWARE\...}: the naming GetNamedSecurityInfo wants for registry keys. */
        public static SecuredObject registryKey(String name) {
            return new SecuredObject(Kind.REGISTRY_KEY, name);
        }
    }

    /** A self-relative security descriptor (owner, group, DACL) and its SDDL, or why it could not be read. */
    record SecurityDescriptorRead(byte[] selfRelative, String sddl, NativeError error) {
        public SecurityDescriptorRead {
            selfRelative = selfRelative == null ? null : selfRelative.clone();
        }

        public static SecurityDescriptorRead of(byte[] selfRelative, String sddl) {
            return new SecurityDescriptorRead(Objects.requireNonNull(selfRelative, "selfRelative"), sddl, null);
        }

        public static SecurityDescriptorRead failed(NativeError error) {
            return new SecurityDescriptorRead(null, null, Objects.requireNonNull(error, "error"));
        }

        @Override
        public byte[] selfRelative() {
            return selfRelative == null ? null : selfRelative.clone();
        }
    }

    /** The rights granted (MAXIMUM_ALLOWED asked), or why the check could not run. */
    record AccessCheckResult(int grantedAccess, NativeError error) {
        public static AccessCheckResult granted(int grantedAccess) {
            return new AccessCheckResult(grantedAccess, null);
        }

        public static AccessCheckResult failed(NativeError error) {
            return new AccessCheckResult(0, Objects.requireNonNull(error, "error"));
        }
    }
}
