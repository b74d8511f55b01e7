package io.certaudit.agent.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which owners and grants leave a file the SYSTEM task runs to administrators alone. */
class AdministratorsOnlyTest {

    private static final String PATH = "C:\\Program Files\\certaudit\\lib\\certaudit.jar";
    private static final String EVERYONE = "S-1-1-0";
    private static final String USERS = "S-1-5-32-545";

    private static Optional<String> problem(FileAcl acl) {
        FakeFileSecurity files = new FakeFileSecurity();
        files.acls.put(PATH, acl);
        return AdministratorsOnly.problem(files, PATH);
    }

    private static FileAcl owned(String owner, FileAcl.Grant... grants) {
        return new FileAcl(owner, false, List.of(grants), false);
    }

    @Test
    void whatAStandardInstallUnderProgramFilesLeavesPasses() {
        FileAcl.Grant readers = new FileAcl.Grant(USERS, FakeFileSecurity.READ_EXECUTE);
        FileAcl.Grant system = new FileAcl.Grant(AdministratorsOnly.SYSTEM, FakeFileSecurity.FULL_CONTROL);
        FileAcl.Grant installer = new FileAcl.Grant(AdministratorsOnly.TRUSTED_INSTALLER, 0x10000000);
        assertEquals(Optional.empty(), problem(owned(AdministratorsOnly.TRUSTED_INSTALLER, installer, system,
                readers)));
        assertEquals(Optional.empty(), problem(owned(AdministratorsOnly.ADMINISTRATORS, system, readers)));
    }

    @Test
    void anyRightThatChangesTheFileItsNameItsAclOrItsOwnerIsRefusedForOthers() {
        for (int right : new int[] {0x2, 0x4, 0x10, 0x40, 0x100, 0x10000, 0x40000, 0x80000, 0x10000000,
                0x40000000}) {
            Optional<String> problem = problem(owned(AdministratorsOnly.ADMINISTRATORS,
                    new FileAcl.Grant(EVERYONE, right)));
            assertTrue(problem.isPresent() && problem.get().contains("can be changed by Everyone (S-1-1-0)"),
                    Integer.toHexString(right) + ": " + problem);
        }
    }

    @Test
    void anotherOwnerNoOwnerNoDaclALinkOrAnUnreadableDescriptorIsRefused() throws Exception {
        assertTrue(problem(owned("S-1-5-21-1-2-3-1001")).orElseThrow().contains("is owned by S-1-5-21-1-2-3-1001"));
        assertTrue(problem(owned(null)).orElseThrow().contains("nobody"));
        assertTrue(problem(new FileAcl(AdministratorsOnly.SYSTEM, true, List.of(), false)).orElseThrow()
                .contains("no access control list"));
        assertTrue(problem(new FileAcl(AdministratorsOnly.SYSTEM, false, List.of(), true)).orElseThrow()
                .contains("is a link"));
        FileSecurity unreadable = FileSecurity.unavailable("access denied");
        assertTrue(AdministratorsOnly.problem(unreadable, PATH).orElseThrow().contains("cannot be read"));
        FakeFileSecurity files = new FakeFileSecurity();
        files.missing.add(PATH);
        assertEquals(Optional.of(AdministratorsOnly.MISSING), AdministratorsOnly.problem(files, PATH));
    }

    @Test
    void readingAndRunningAreNotChanging() throws IOException {
        assertEquals(Optional.empty(), problem(owned(AdministratorsOnly.SYSTEM,
                new FileAcl.Grant(EVERYONE, FakeFileSecurity.READ_EXECUTE))));
    }
}
