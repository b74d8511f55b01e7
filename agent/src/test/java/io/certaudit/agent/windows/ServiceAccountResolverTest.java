package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.agent.windows.AccountsAndServices.ServiceConfigRead;
import io.certaudit.agent.windows.NativeError;

class ServiceAccountResolverTest {

    private static final String BEMS_SERVICE_SID = "S-1-5-80-1111-2222-3333-4444-5555";
    private static final String GMSA_SID = "S-1-5-21-10-20-30-1601";

    private final FakeWindowsCertificateApi api = new FakeWindowsCertificateApi()
            .account("NT SERVICE\\GoodTechnology", BEMS_SERVICE_SID)
            .account("CORP\\bems-gmsa$", GMSA_SID)
            .account("BEMS01\\bemsadmin", "S-1-5-21-9-9-9-1001");

    private ResolvedServiceAccount resolve(ServiceAccountSelection selection) {
        return new ServiceAccountResolver(api, api, true).resolve(selection);
    }

    private void service(String startName, int sidType) {
        api.services.put("GoodTechnology", new ServiceConfigRead("GoodTechnology", startName,
                "Good Technology Common Services", sidType, null));
    }

    @Test
    void noSelectionMeansNoAccount() {
        assertNull(resolve(ServiceAccountSelection.none()));
    }

    @Test
    void anEmptyLogonNameIsLocalSystemWithAdministrators() {
        service("", WindowsConstants.SERVICE_SID_TYPE_NONE);
        ResolvedServiceAccount account = resolve(ServiceAccountSelection.service("GoodTechnology"));
        assertEquals("LocalSystem", account.name());
        assertEquals(Sid.LOCAL_SYSTEM, account.sid());
        assertEquals("logon account of service \"GoodTechnology\"", account.account().foundBy());
        assertTrue(account.skipTokenGroups());
        assertTrue(account.groupSids().contains(Sid.ADMINISTRATORS));
    }

    @Test
    void builtInServiceAccountsAreMappedWithoutALookup() {
        service("NT AUTHORITY\\LocalService", WindowsConstants.SERVICE_SID_TYPE_NONE);
        assertEquals(Sid.LOCAL_SERVICE, resolve(ServiceAccountSelection.service("GoodTechnology")).sid());
        service("NT AUTHORITY\\NetworkService", WindowsConstants.SERVICE_SID_TYPE_NONE);
        ResolvedServiceAccount network = resolve(ServiceAccountSelection.service("GoodTechnology"));
        assertEquals(Sid.NETWORK_SERVICE, network.sid());
        assertEquals(List.of(Sid.EVERYONE, Sid.AUTHENTICATED_USERS, Sid.USERS, Sid.SERVICE, Sid.LOCAL,
                Sid.ALL_SERVICES), network.groupSids());
    }

    @Test
    void aVirtualAccountIsLookedUpAndCheckedWithServiceGroupsOnly() {
        service("NT SERVICE\\GoodTechnology", WindowsConstants.SERVICE_SID_TYPE_UNRESTRICTED);
        ResolvedServiceAccount account = resolve(ServiceAccountSelection.service("GoodTechnology"));
        assertEquals(BEMS_SERVICE_SID, account.sid());
        assertTrue(account.skipTokenGroups());
        assertFalse(account.groupSids().contains(BEMS_SERVICE_SID), "the user SID is not repeated as a group");
    }

    @Test
    void aGmsaLetsAuthzFindItsGroupsAndCarriesTheServiceSid() {
        service("CORP\\bems-gmsa$", WindowsConstants.SERVICE_SID_TYPE_UNRESTRICTED);
        ResolvedServiceAccount account = resolve(ServiceAccountSelection.service("GoodTechnology"));
        assertEquals(GMSA_SID, account.sid());
        assertFalse(account.skipTokenGroups());
        assertEquals(List.of(Sid.EVERYONE, Sid.AUTHENTICATED_USERS, Sid.USERS, Sid.SERVICE, Sid.LOCAL,
                Sid.ALL_SERVICES, Sid.THIS_ORGANIZATION, BEMS_SERVICE_SID), account.groupSids(),
                "a domain account's service logon carries This Organization");
    }

    @Test
    void aDotAccountIsALocalAccount() {
        ResolvedServiceAccount account = resolve(ServiceAccountSelection.account(".\\bemsadmin"));
        assertEquals("S-1-5-21-9-9-9-1001", account.sid());
        assertEquals("--service-account", account.account().foundBy());
        assertFalse(account.groupSids().contains(Sid.THIS_ORGANIZATION), "a local account is not in an organization");
        assertTrue(account.groupSids().containsAll(List.of(Sid.USERS, Sid.LOCAL, Sid.ALL_SERVICES)),
                "every service logon carries Users, LOCAL and ALL SERVICES: " + account.groupSids());
    }

    @Test
    void theAccountOptionWinsOverTheServiceLogonButKeepsTheServiceSid() {
        service("LocalSystem", WindowsConstants.SERVICE_SID_TYPE_RESTRICTED);
        ResolvedServiceAccount account =
                resolve(new ServiceAccountSelection("GoodTechnology", "CORP\\bems-gmsa$"));
        assertEquals(GMSA_SID, account.sid());
        assertTrue(account.groupSids().contains(BEMS_SERVICE_SID));
    }

    @Test
    void aMissingServiceOrAnUnknownAccountIsUnresolvedWithTheReason() {
        ResolvedServiceAccount missing = resolve(ServiceAccountSelection.service("NoSuchService"));
        assertFalse(missing.resolved());
        assertTrue(missing.unresolvedReason().contains("no service named \"NoSuchService\""));

        ResolvedServiceAccount unknown = resolve(ServiceAccountSelection.account("CORP\\nobody"));
        assertFalse(unknown.resolved());
        assertTrue(unknown.unresolvedReason().contains("1332"), unknown.unresolvedReason());
    }

    @Test
    void aServiceWhoseConfigurationMayNotBeReadSaysWhatIsNeeded() {
        api.services.put("Locked", ServiceConfigRead.failed("Locked", FakeWindowsCertificateApi.ACCESS_DENIED));
        ResolvedServiceAccount locked = resolve(ServiceAccountSelection.service("Locked"));
        assertTrue(locked.unresolvedReason().contains("SERVICE_QUERY_CONFIG"), locked.unresolvedReason());
        assertFalse(locked.unresolvedReason().contains("run the audit as administrator"),
                "the audit already runs elevated: " + locked.unresolvedReason());
        assertTrue(new ServiceAccountResolver(api, api, false).resolve(ServiceAccountSelection.service("Locked"))
                .unresolvedReason().contains("run the audit as administrator"));
        api.services.put("Odd", ServiceConfigRead.failed("Odd", new NativeError(1072, "marked for deletion")));
        assertTrue(resolve(ServiceAccountSelection.service("Odd")).unresolvedReason().contains("1072"));
    }
}
