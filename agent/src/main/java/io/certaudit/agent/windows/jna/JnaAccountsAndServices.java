package io.certaudit.agent.windows.jna;

import static io.certaudit.agent.windows.WindowsConstants.ERROR_INSUFFICIENT_BUFFER;
import static io.certaudit.agent.windows.WindowsConstants.SC_MANAGER_CONNECT;
import static io.certaudit.agent.windows.WindowsConstants.SERVICE_CONFIG_SERVICE_SID_INFO;
import static io.certaudit.agent.windows.WindowsConstants.SERVICE_QUERY_CONFIG;
import static io.certaudit.agent.windows.WindowsConstants.SidTypeDeletedAccount;
import static io.certaudit.agent.windows.WindowsConstants.SidTypeUnknown;

import java.lang.ref.Reference;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;

import io.certaudit.agent.windows.AccountsAndServices;
import io.certaudit.agent.windows.NativeError;
import io.certaudit.agent.windows.Sid;
import io.certaudit.agent.windows.jna.WindowsStructures.QueryServiceConfig;
import io.certaudit.agent.windows.jna.WindowsStructures.ServiceSidInfo;

/**
 * {@link AccountsAndServices} through the service control manager and the account lookups of advapi32, each bound
 * in {@link Advapi32Ext} so that every handle and buffer goes through the bindings.
 */
public final class JnaAccountsAndServices implements AccountsAndServices {

    private final Advapi32Ext advapi32;
    private final NativeErrors errors;

    JnaAccountsAndServices(Advapi32Ext advapi32, NativeErrors errors) {
        this.advapi32 = advapi32;
        this.errors = errors;
    }

    @Override
    public ServiceConfigRead serviceConfig(String serviceName) {
        Pointer manager = advapi32.OpenSCManagerW(null, null, SC_MANAGER_CONNECT);
        if (manager == null) {
            return ServiceConfigRead.failed(serviceName, errors.last());
        }
        try {
            Pointer service = advapi32.OpenServiceW(manager, new WString(serviceName), SERVICE_QUERY_CONFIG);
            if (service == null) {
                return ServiceConfigRead.failed(serviceName, errors.last());
            }
            try {
                IntByReference needed = new IntByReference();
                advapi32.QueryServiceConfigW(service, null, 0, needed);
                if (needed.getValue() == 0) {
                    return ServiceConfigRead.failed(serviceName, errors.last());
                }
                Memory buffer = new Memory(needed.getValue());
                String startName;
                String displayName;
                try {
                    if (!advapi32.QueryServiceConfigW(service, buffer, needed.getValue(), needed)) {
                        return ServiceConfigRead.failed(serviceName, errors.last());
                    }
                    // The strings are in the same buffer: read them from a copy, bounded by it, while the buffer
                    // is still certainly alive (the structure's pointers alone do not keep it from being freed).
                    QueryServiceConfig config = new QueryServiceConfig(buffer);
                    ReturnedBuffer returned = new ReturnedBuffer(buffer.getByteArray(0, (int) buffer.size()),
                            Pointer.nativeValue(buffer));
                    startName = returned.wideStringAt(config.lpServiceStartName, "lpServiceStartName");
                    displayName = returned.wideStringAt(config.lpDisplayName, "lpDisplayName");
                } catch (ReturnedBuffer.MalformedException e) {
                    return ServiceConfigRead.failed(serviceName,
                            new NativeError(0, "QueryServiceConfigW returned a malformed QUERY_SERVICE_CONFIGW: "
                                    + e.getMessage()));
                } finally {
                    Reference.reachabilityFence(buffer);
                }
                return new ServiceConfigRead(serviceName, startName, displayName, serviceSidType(service), null);
            } finally {
                advapi32.CloseServiceHandle(service);
            }
        } finally {
            advapi32.CloseServiceHandle(manager);
        }
    }

    private int serviceSidType(Pointer service) {
        IntByReference needed = new IntByReference();
        advapi32.QueryServiceConfig2W(service, SERVICE_CONFIG_SERVICE_SID_INFO, null, 0, needed);
        if (needed.getValue() == 0) {
            return -1;
        }
        Memory buffer = new Memory(needed.getValue());
        try {
            if (!advapi32.QueryServiceConfig2W(service, SERVICE_CONFIG_SERVICE_SID_INFO, buffer, needed.getValue(),
                    needed) || buffer.size() < 4) {
                return -1;
            }
            return new ServiceSidInfo(buffer).dwServiceSidType;
        } finally {
            Reference.reachabilityFence(buffer);
        }
    }

    /**
     * LookupAccountSidW, bound directly: jna-platform's Advapi32Util.getAccountBySid names an orphaned SID
     * "NONE_MAPPED" instead of failing. A SID the call does not map (ERROR_NONE_MAPPED), or maps only to a
     * deleted account or an unknown type, has no name.
     */
    @Override
    public String accountName(String sid) {
        Memory binary = JnaWindows.sid(sid);
        try {
            IntByReference nameLength = new IntByReference(0);
            IntByReference domainLength = new IntByReference(0);
            IntByReference use = new IntByReference(0);
            // Asked with no buffers, the call fails with ERROR_INSUFFICIENT_BUFFER and gives both sizes in
            // characters, NULs included; a SID it cannot map leaves them at zero (ERROR_NONE_MAPPED).
            advapi32.LookupAccountSidW(null, binary, null, nameLength, null, domainLength, use);
            if (nameLength.getValue() <= 0) {
                return null;
            }
            Memory name = new Memory(2L * nameLength.getValue());
            Memory domain = new Memory(2L * Math.max(1, domainLength.getValue()));
            name.clear();
            domain.clear();
            try {
                if (!advapi32.LookupAccountSidW(null, binary, name, nameLength, domain, domainLength, use)) {
                    return null;
                }
                if (use.getValue() == SidTypeDeletedAccount || use.getValue() == SidTypeUnknown) {
                    return null;
                }
                String account = ReturnedBuffer.wideString(name.getByteArray(0, (int) name.size()));
                String domainName = ReturnedBuffer.wideString(domain.getByteArray(0, (int) domain.size()));
                return account.isEmpty() ? null : domainName.isEmpty() ? account : domainName + "\\" + account;
            } finally {
                Reference.reachabilityFence(name);
                Reference.reachabilityFence(domain);
            }
        } finally {
            Reference.reachabilityFence(binary);
        }
    }

    /**
     * LookupAccountNameW, asked twice as jna-platform's Advapi32Util.getAccountByName asks it (but through the
     * bindings): first with no buffers, which fails with ERROR_INSUFFICIENT_BUFFER and gives the SID's length in bytes
     * and the domain's in characters, then with buffers. The resolved name is {@code DOMAIN\name} with the name as
     * given (after a backslash, or before an {@code @}), or the name alone when no domain comes back.
     */
    @Override
    public AccountLookup lookupAccount(String accountName) {
        WString name = new WString(accountName);
        IntByReference sidLength = new IntByReference(0);
        IntByReference domainLength = new IntByReference(0);
        IntByReference use = new IntByReference(0);
        boolean answered = advapi32.LookupAccountNameW(null, name, null, sidLength, null, domainLength, use);
        int code = Native.getLastError();
        if (answered || sidLength.getValue() <= 0 || code != ERROR_INSUFFICIENT_BUFFER) {
            return AccountLookup.failed(errors.of(answered ? ERROR_INSUFFICIENT_BUFFER : code));
        }
        Memory sid = new Memory(sidLength.getValue());
        Memory domain = new Memory(2L * (domainLength.getValue() + 1));
        sid.clear();
        domain.clear();
        try {
            if (!advapi32.LookupAccountNameW(null, name, sid, sidLength, domain, domainLength, use)) {
                return AccountLookup.failed(errors.last());
            }
            byte[] binary = sid.getByteArray(0, (int) sid.size());
            if (binary.length < 8 || 8 + 4 * (binary[1] & 0xFF) > binary.length) {
                return AccountLookup.failed(new NativeError(0, "LookupAccountNameW returned a malformed SID"));
            }
            String[] afterBackslash = accountName.split("\\\\", 2);
            String[] beforeAt = accountName.split("@", 2);
            String account = afterBackslash.length == 2 ? afterBackslash[1]
                    : beforeAt.length == 2 ? beforeAt[0] : accountName;
            String domainName = ReturnedBuffer.wideString(domain.getByteArray(0, (int) domain.size()));
            return AccountLookup.of(Sid.toText(binary, 0), domainLength.getValue() > 0 && !domainName.isEmpty()
                    ? domainName + "\\" + account : account);
        } finally {
            Reference.reachabilityFence(sid);
            Reference.reachabilityFence(domain);
        }
    }
}
