package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.certaudit.agent.windows.AccessChecks.SecuredObject;
import io.certaudit.agent.windows.NativeError;
import io.certaudit.model.AccessFacts;
import io.certaudit.model.ServiceAccount;
import io.certaudit.model.Tristate;

class AccessEvaluatorTest {

    private static final String KEY_FILE = "C:\\ProgramData\\Microsoft\\Crypto\\Keys\\abc_guid";
    private static final String BEMS = "S-1-5-80-1111-2222-3333-4444-5555";
    private static final ResolvedServiceAccount VIRTUAL_ACCOUNT = new ResolvedServiceAccount(
            new ServiceAccount("NT SERVICE\\GoodTechnology", BEMS, "test"), true,
            List.of(Sid.EVERYONE, Sid.AUTHENTICATED_USERS, Sid.SERVICE, Sid.USERS), null);

    private final FakeWindowsCertificateApi api = new FakeWindowsCertificateApi()
            .account("NT SERVICE\\GoodTechnology", BEMS);

    private static final String GMSA = "S-1-5-21-10-20-30-1601";
    private static final ResolvedServiceAccount DOMAIN_ACCOUNT = new ResolvedServiceAccount(
            new ServiceAccount("CORP\\bems-gmsa$", GMSA, "test"), false,
            List.of(Sid.EVERYONE, Sid.AUTHENTICATED_USERS, Sid.USERS, Sid.SERVICE), null);
    private boolean elevated = true;

    private AccessFacts evaluate(ResolvedServiceAccount account) {
        return evaluate(account, WindowsConstants.FILE_READ_DATA);
    }

    private AccessFacts evaluate(ResolvedServiceAccount account, int required) {
        return new AccessEvaluator(api, api, elevated).evaluate(SecuredObject.file(KEY_FILE), GenericMapping.FILE,
                required, account);
    }

    private SecurityDescriptorBytes keyFileAcl() {
        return new SecurityDescriptorBytes(Sid.ADMINISTRATORS, Sid.LOCAL_SYSTEM)
                .allow(Sid.LOCAL_SYSTEM, WindowsConstants.FILE_ALL_ACCESS)
                .allow(Sid.ADMINISTRATORS, WindowsConstants.FILE_ALL_ACCESS);
    }

    @Test
    void readAccessGrantedToTheAccountIsYesWithTheAclAsEvidence() {
        api.descriptor(KEY_FILE, keyFileAcl().allow(BEMS, WindowsConstants.FILE_GENERIC_READ).build());

        AccessFacts facts = evaluate(VIRTUAL_ACCOUNT);

        assertEquals(Tristate.YES, facts.canRead());
        assertEquals(BEMS, facts.accountSid());
        assertEquals("NT SERVICE\\GoodTechnology", facts.account());
        assertEquals("O:BAG:SYD:(sddl of " + KEY_FILE + ")", facts.sddl());
        assertEquals(List.of(
                "owner BUILTIN\\Administrators (S-1-5-32-544)",
                "allow NT AUTHORITY\\SYSTEM (S-1-5-18): full control (0x001F01FF)",
                "allow BUILTIN\\Administrators (S-1-5-32-544): full control (0x001F01FF)",
                "allow NT SERVICE\\GoodTechnology (" + BEMS + "): read (0x00120089)",
                "effective for NT SERVICE\\GoodTechnology: read (0x00120089)"), facts.entries());
        assertNull(facts.unknownReason());
        assertTrue(api.lastSkipTokenGroups);
        assertEquals(VIRTUAL_ACCOUNT.groupSids(), api.lastGroups);
    }

    @Test
    void accessThroughAGroupCounts() {
        api.descriptor(KEY_FILE, keyFileAcl().allow(Sid.SERVICE, WindowsConstants.FILE_GENERIC_READ).build());
        assertEquals(Tristate.YES, evaluate(VIRTUAL_ACCOUNT).canRead());
    }

    @Test
    void genericRightsInTheAclAreMappedBeforeTheCheck() {
        // CNG key files carry GENERIC_READ ACEs; unmapped, they would grant no FILE_READ_DATA.
        api.descriptor(KEY_FILE, keyFileAcl().allow(BEMS, WindowsConstants.GENERIC_READ).build());
        AccessFacts facts = evaluate(VIRTUAL_ACCOUNT);
        assertEquals(Tristate.YES, facts.canRead());
        assertTrue(facts.entries().contains("allow NT SERVICE\\GoodTechnology (" + BEMS
                + "): generic read (0x80000000)"), "the ACL is shown as it is on disk: " + facts.entries());
    }

    @Test
    void noReadRightOrADenyIsNo() {
        api.descriptor(KEY_FILE, keyFileAcl().build());
        assertEquals(Tristate.NO, evaluate(VIRTUAL_ACCOUNT).canRead());

        api.descriptor(KEY_FILE, keyFileAcl().deny(Sid.SERVICE, WindowsConstants.FILE_READ_DATA)
                .allow(BEMS, WindowsConstants.FILE_GENERIC_READ).build());
        AccessFacts denied = evaluate(VIRTUAL_ACCOUNT);
        assertEquals(Tristate.NO, denied.canRead());
        assertTrue(denied.entries().contains("deny NT AUTHORITY\\SERVICE (S-1-5-6): read data (0x00000001)"));
    }

    @Test
    void anAclTheAuditMayNotReadIsUnknownAndSaysWhichRightIsNeeded() {
        api.descriptors.put(KEY_FILE, AccessChecks.SecurityDescriptorRead.failed(
                FakeWindowsCertificateApi.ACCESS_DENIED));
        AccessFacts facts = evaluate(VIRTUAL_ACCOUNT);
        assertEquals(Tristate.UNKNOWN, facts.canRead());
        assertTrue(facts.unknownReason().contains("READ_CONTROL"), facts.unknownReason());
        assertFalse(facts.unknownReason().contains("run the audit as administrator"),
                "the audit already runs elevated: " + facts.unknownReason());

        elevated = false;
        AccessFacts notElevated = evaluate(VIRTUAL_ACCOUNT);
        assertTrue(notElevated.unknownReason().contains("run the audit as administrator"),
                notElevated.unknownReason());
    }

    @Test
    void anAceForASidThatNoLongerResolvesShowsTheSidAsUnresolved() {
        String orphan = "S-1-5-21-7-7-7-1234";
        api.descriptor(KEY_FILE, keyFileAcl().allow(orphan, WindowsConstants.FILE_GENERIC_READ).build());
        AccessFacts facts = evaluate(VIRTUAL_ACCOUNT);
        assertTrue(facts.entries().contains("allow " + orphan + " (unresolved): read (0x00120089)"),
                facts.entries().toString());
        assertTrue(facts.entries().stream().noneMatch(e -> e.contains("NONE_MAPPED")));
    }

    @Test
    void whenAuthzCannotComputeTheGroupsTheServiceLogonGroupsDecideOnlyWhatTheyCan() {
        api.groupComputationFailure = new NativeError(1355, "The specified domain either does not exist.");

        api.descriptor(KEY_FILE, keyFileAcl().allow(Sid.SERVICE, WindowsConstants.FILE_GENERIC_READ).build());
        AccessFacts granted = evaluate(DOMAIN_ACCOUNT);
        assertEquals(Tristate.YES, granted.canRead(), granted.unknownReason());
        assertTrue(api.lastSkipTokenGroups, "checked again with the service logon groups only");
        assertTrue(granted.entries().get(granted.entries().size() - 1).contains("1355"), granted.entries().toString());

        api.descriptor(KEY_FILE, keyFileAcl().allow(Sid.SERVICE, WindowsConstants.FILE_GENERIC_READ)
                .deny("S-1-5-21-10-20-30-5000", WindowsConstants.FILE_READ_DATA).build());
        AccessFacts maybeDenied = evaluate(DOMAIN_ACCOUNT);
        assertEquals(Tristate.UNKNOWN, maybeDenied.canRead(), "a deny for a group it may be in could apply");
        assertTrue(maybeDenied.unknownReason().contains("deny entry"), maybeDenied.unknownReason());

        api.descriptor(KEY_FILE, keyFileAcl().allow("S-1-5-21-10-20-30-5000", WindowsConstants.FILE_GENERIC_READ)
                .build());
        AccessFacts maybeGranted = evaluate(DOMAIN_ACCOUNT);
        assertEquals(Tristate.UNKNOWN, maybeGranted.canRead(), "one of its own groups may grant it");
        assertTrue(maybeGranted.unknownReason().contains("1355"), maybeGranted.unknownReason());
    }

    @Test
    void readDataAloneIsNotWhatAProviderOpensAKeyFileWith() {
        api.descriptor(KEY_FILE, keyFileAcl().allow(BEMS, WindowsConstants.FILE_READ_DATA).build());
        assertEquals(Tristate.NO, evaluate(VIRTUAL_ACCOUNT, PrivateKeyInspector.KEY_FILE_RIGHTS).canRead());
        api.descriptor(KEY_FILE, keyFileAcl().allow(BEMS, WindowsConstants.GENERIC_READ).build());
        assertEquals(Tristate.YES, evaluate(VIRTUAL_ACCOUNT, PrivateKeyInspector.KEY_FILE_RIGHTS).canRead());
    }

    @Test
    void aMissingObjectIsUnknownAndSaysSo() {
        AccessFacts facts = evaluate(VIRTUAL_ACCOUNT);
        assertEquals(Tristate.UNKNOWN, facts.canRead());
        assertTrue(facts.unknownReason().endsWith("does not exist (2 (The system cannot find the file specified.))"),
                facts.unknownReason());
    }

    @Test
    void withoutAServiceAccountTheAclIsStillReportedAndAccessIsUnknown() {
        api.descriptor(KEY_FILE, keyFileAcl().build());
        AccessFacts facts = evaluate(null);
        assertEquals(Tristate.UNKNOWN, facts.canRead());
        assertEquals(AccessEvaluator.NO_ACCOUNT, facts.unknownReason());
        assertEquals(3, facts.entries().size());
        assertNull(api.lastCheckedSid, "no access check without an account");
    }

    @Test
    void anUnresolvedAccountOrAFailedCheckIsUnknownWithTheReason() {
        api.descriptor(KEY_FILE, keyFileAcl().build());
        ResolvedServiceAccount unresolved = ResolvedServiceAccount.unresolved(
                new ServiceAccount("CORP\\nobody", null, "test"), "the account CORP\\nobody does not resolve");
        assertEquals("the account CORP\\nobody does not resolve", evaluate(unresolved).unknownReason());

        api.accessCheckFailure = new NativeError(1355, "The specified domain either does not exist.");
        AccessFacts failed = evaluate(VIRTUAL_ACCOUNT);
        assertEquals(Tristate.UNKNOWN, failed.canRead());
        assertTrue(failed.unknownReason().contains("1355"), failed.unknownReason());
    }

    @Test
    void aNullDaclGrantsEverything() {
        api.descriptor(KEY_FILE, new SecurityDescriptorBytes(Sid.ADMINISTRATORS, Sid.LOCAL_SYSTEM).nullDacl().build());
        AccessFacts facts = evaluate(VIRTUAL_ACCOUNT);
        assertEquals(Tristate.YES, facts.canRead());
        assertTrue(facts.entries().contains("no DACL: everyone has full access"));
    }
}
