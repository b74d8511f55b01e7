package io.certaudit.agent.dns;

import java.util.List;
import java.util.Objects;

import io.certaudit.model.NameResolution;

/**
 * One configured name to resolve, why, and the addresses the settings expect for it (literals, normalised).
 *
 * @param name              the name as configured
 * @param role              the setting that named it
 * @param expectedAddresses the addresses the settings expect, possibly none
 */
public record NameToResolve(String name, NameResolution.Role role, List<String> expectedAddresses) {

    public NameToResolve {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        expectedAddresses = expectedAddresses == null ? List.of() : List.copyOf(expectedAddresses);
    }
}
