package io.certaudit.agent.install;

import java.util.List;

/**
 * A file's or folder's owner and the access its DACL grants on the object itself.
 *
 * @param owner        the owner's SID, {@code S-1-5-32-544} for example; null when the descriptor has none
 * @param nullDacl     the object has no DACL at all, which lets everyone do everything
 * @param grants       the access-allowed entries that apply to the object itself (inherit-only entries left out)
 * @param reparsePoint the name is a symbolic link, junction or other reparse point, not the object itself
 */
public record FileAcl(String owner, boolean nullDacl, List<Grant> grants, boolean reparsePoint) {

    public FileAcl {
        grants = List.copyOf(grants);
    }

    /** One access-allowed entry: a SID and the access mask granted to it. */
    public record Grant(String sid, int mask) {
    }
}
