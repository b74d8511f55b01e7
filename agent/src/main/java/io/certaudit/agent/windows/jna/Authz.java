package io.certaudit.agent.windows.jna;

import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;

import io.certaudit.agent.windows.jna.WindowsStructures.AuthzAccessReply;
import io.certaudit.agent.windows.jna.WindowsStructures.AuthzAccessRequest;

/**
 * The authz.dll functions that compute an account's effective access (jna-platform has none). Signatures from
 * authz.h; learn.microsoft.com/windows/win32/api/authz/nf-authz-{name in lower case}.
 */
public interface Authz extends StdCallLibrary {


    /**
     * {@code BOOL AuthzInitializeResourceManager(DWORD, PFN_AUTHZ_DYNAMIC_ACCESS_CHECK,
     * PFN_AUTHZ_COMPUTE_DYNAMIC_GROUPS, PFN_AUTHZ_FREE_DYNAMIC_GROUPS, PCWSTR, PAUTHZ_RESOURCE_MANAGER_HANDLE)}.
     */
    boolean AuthzInitializeResourceManager(int flags, Pointer dynamicAccessCheck, Pointer computeDynamicGroups,
                                           Pointer freeDynamicGroups, WString name, PointerByReference manager);

    /**
     * {@code BOOL AuthzInitializeContextFromSid(DWORD, PSID, AUTHZ_RESOURCE_MANAGER_HANDLE, PLARGE_INTEGER,
     * LUID, PVOID, PAUTHZ_CLIENT_CONTEXT_HANDLE)}. The LUID (8 bytes) is passed by value; as a 64-bit integer
     * it travels exactly as the structure does on both the x64 and the x86 calling convention.
     */
    boolean AuthzInitializeContextFromSid(int flags, Pointer userSid, Pointer manager, Pointer expirationTime,
                                          long identifier, Pointer dynamicGroupArgs, PointerByReference context);

    /**
     * {@code BOOL AuthzAddSidsToContext(AUTHZ_CLIENT_CONTEXT_HANDLE, PSID_AND_ATTRIBUTES, DWORD,
     * PSID_AND_ATTRIBUTES, DWORD, PAUTHZ_CLIENT_CONTEXT_HANDLE)}: returns a new context; both must be freed.
     */
    boolean AuthzAddSidsToContext(Pointer context, Pointer sids, int sidCount, Pointer restrictedSids,
                                  int restrictedSidCount, PointerByReference newContext);

    /**
     * {@code BOOL AuthzAccessCheck(DWORD, AUTHZ_CLIENT_CONTEXT_HANDLE, PAUTHZ_ACCESS_REQUEST,
     * AUTHZ_AUDIT_EVENT_HANDLE, PSECURITY_DESCRIPTOR, PSECURITY_DESCRIPTOR*, DWORD, PAUTHZ_ACCESS_REPLY,
     * PAUTHZ_ACCESS_CHECK_RESULTS_HANDLE)}.
     */
    boolean AuthzAccessCheck(int flags, Pointer context, AuthzAccessRequest request, Pointer auditEvent,
                             Pointer securityDescriptor, Pointer optionalSecurityDescriptors,
                             int optionalSecurityDescriptorCount, AuthzAccessReply reply, Pointer results);

    /** {@code BOOL AuthzFreeContext(AUTHZ_CLIENT_CONTEXT_HANDLE)}. */
    boolean AuthzFreeContext(Pointer context);

    /** {@code BOOL AuthzFreeResourceManager(AUTHZ_RESOURCE_MANAGER_HANDLE)}. */
    boolean AuthzFreeResourceManager(Pointer manager);
}
