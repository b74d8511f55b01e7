package io.certaudit.agent.windows.jna;

import static io.certaudit.agent.windows.WindowsConstants.DACL_SECURITY_INFORMATION;
import static io.certaudit.agent.windows.WindowsConstants.ERROR_ACCESS_DENIED;
import static io.certaudit.agent.windows.WindowsConstants.GROUP_SECURITY_INFORMATION;
import static io.certaudit.agent.windows.WindowsConstants.MAXIMUM_ALLOWED;
import static io.certaudit.agent.windows.WindowsConstants.OWNER_SECURITY_INFORMATION;
import static io.certaudit.agent.windows.WindowsConstants.SDDL_REVISION_1;
import static io.certaudit.agent.windows.WindowsConstants.SE_FILE_OBJECT;
import static io.certaudit.agent.windows.WindowsConstants.SE_GROUP_ENABLED;
import static io.certaudit.agent.windows.WindowsConstants.SE_GROUP_ENABLED_BY_DEFAULT;
import static io.certaudit.agent.windows.WindowsConstants.SE_GROUP_MANDATORY;
import static io.certaudit.agent.windows.WindowsConstants.SE_REGISTRY_KEY;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.PointerByReference;

import io.certaudit.agent.windows.AccessChecks;
import io.certaudit.agent.windows.WindowsConstants;
import io.certaudit.agent.windows.jna.WindowsStructures.AuthzAccessReply;
import io.certaudit.agent.windows.jna.WindowsStructures.AuthzAccessRequest;
import io.certaudit.agent.windows.jna.WindowsStructures.SidAndAttributes;

/**
 * {@link AccessChecks} through GetNamedSecurityInfo and Authz. Each method frees, in {@code finally}, everything it
 * opened or was handed to free.
 */
public final class JnaAccessChecks implements AccessChecks {

    private static final int SECURITY_INFO =
            OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION;

    private final Advapi32Ext advapi32;
    private final Authz authz;
    private final Kernel32Ext kernel32;
    private final NativeErrors errors;

    JnaAccessChecks(Advapi32Ext advapi32, Authz authz, Kernel32Ext kernel32, NativeErrors errors) {
        this.advapi32 = advapi32;
        this.authz = authz;
        this.kernel32 = kernel32;
        this.errors = errors;
    }

    @Override
    public SecurityDescriptorRead securityDescriptor(SecuredObject object) {
        int type = object.kind() == SecuredObject.Kind.FILE ? SE_FILE_OBJECT : SE_REGISTRY_KEY;
        PointerByReference descriptor = new PointerByReference();
        int status = advapi32.GetNamedSecurityInfoW(new WString(object.name()), type, SECURITY_INFO, null, null,
                null, null, descriptor);
        if (status != 0) {
            return SecurityDescriptorRead.failed(errors.of(status));
        }
        Pointer sd = descriptor.getValue();
        try {
            byte[] selfRelative = sd.getByteArray(0, advapi32.GetSecurityDescriptorLength(sd));
            return SecurityDescriptorRead.of(selfRelative, sddl(sd));
        } finally {
            kernel32.LocalFree(sd);
        }
    }

    private String sddl(Pointer sd) {
        PointerByReference string = new PointerByReference();
        if (!advapi32.ConvertSecurityDescriptorToStringSecurityDescriptorW(sd, SDDL_REVISION_1, SECURITY_INFO, string,
                null)) {
            return null;
        }
        try {
            return JnaWindows.wideString(string.getValue());
        } finally {
            kernel32.LocalFree(string.getValue());
        }
    }

    @Override
    public AccessCheckResult effectiveAccess(String accountSid, boolean skipTokenGroups, List<String> groupSids,
                                             byte[] securityDescriptor) {
        PointerByReference manager = new PointerByReference();
        if (!authz.AuthzInitializeResourceManager(WindowsConstants.AUTHZ_RM_FLAG_NO_AUDIT, null, null, null, null,
                manager)) {
            return AccessCheckResult.failed(errors.last());
        }
        try {
            Memory user = JnaWindows.sid(accountSid);
            PointerByReference created = new PointerByReference();
            int flags = skipTokenGroups ? WindowsConstants.AUTHZ_SKIP_TOKEN_GROUPS : 0;
            if (!authz.AuthzInitializeContextFromSid(flags, user, manager.getValue(), null, 0L, null, created)) {
                return AccessCheckResult.failed(errors.last());
            }
            Pointer context = created.getValue();
            try {
                if (groupSids.isEmpty()) {
                    return accessCheck(context, securityDescriptor);
                }
                return withGroups(context, groupSids, securityDescriptor);
            } finally {
                authz.AuthzFreeContext(context);
            }
        } finally {
            authz.AuthzFreeResourceManager(manager.getValue());
        }
    }

    private AccessCheckResult withGroups(Pointer context, List<String> groupSids, byte[] securityDescriptor) {
        SidAndAttributes[] groups = (SidAndAttributes[]) new SidAndAttributes().toArray(groupSids.size());
        List<Memory> sids = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            Memory sid = JnaWindows.sid(groupSids.get(i));
            sids.add(sid);
            groups[i].Sid = sid;
            groups[i].Attributes = SE_GROUP_ENABLED | SE_GROUP_ENABLED_BY_DEFAULT | SE_GROUP_MANDATORY;
            groups[i].write();
        }
        PointerByReference widened = new PointerByReference();
        if (!authz.AuthzAddSidsToContext(context, groups[0].getPointer(), groups.length, null, 0,
                widened)) {
            return AccessCheckResult.failed(errors.last());
        }
        try {
            return accessCheck(widened.getValue(), securityDescriptor);
        } finally {
            authz.AuthzFreeContext(widened.getValue());
            // The SID buffers must outlive the call that copied them into the new context.
            Reference.reachabilityFence(sids);
            Reference.reachabilityFence(groups);
        }
    }

    private AccessCheckResult accessCheck(Pointer context, byte[] securityDescriptor) {
        Memory sd = new Memory(securityDescriptor.length);
        sd.write(0, securityDescriptor, 0, securityDescriptor.length);
        AuthzAccessRequest request = new AuthzAccessRequest();
        request.DesiredAccess = MAXIMUM_ALLOWED;
        Memory granted = JnaWindows.zeroed();
        Memory saclResults = JnaWindows.zeroed();
        Memory accessErrors = JnaWindows.zeroed();
        AuthzAccessReply reply = new AuthzAccessReply();
        reply.ResultListLength = 1;
        reply.GrantedAccessMask = granted;
        reply.SaclEvaluationResults = saclResults;
        reply.Error = accessErrors;
        boolean checked = authz.AuthzAccessCheck(0, context, request, null, sd, null, 0, reply, null);
        Reference.reachabilityFence(sd);
        Reference.reachabilityFence(saclResults);
        if (!checked) {
            return AccessCheckResult.failed(errors.last());
        }
        int result = accessErrors.getInt(0);
        if (result == ERROR_ACCESS_DENIED) {
            // MAXIMUM_ALLOWED and nothing granted.
            return AccessCheckResult.granted(0);
        }
        if (result != 0) {
            return AccessCheckResult.failed(errors.of(result));
        }
        return AccessCheckResult.granted(granted.getInt(0));
    }
}
