package io.certaudit.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the system resolver answered for one configured name, when the user asked for DNS checks: the addresses it
 * returned, or why it returned none. The expected addresses are those the settings name for it (empty when none
 * are named); whether they match is for a rule to judge.
 *
 * @param name              the name as configured
 * @param role              why the audit resolved it
 * @param outcome           how the lookup ended
 * @param addresses         the addresses returned, as literals, in the resolver's order; empty unless resolved
 * @param expectedAddresses the addresses the settings say the name must resolve to, as literals; may be empty
 * @param failureMessage    what the resolver said when it returned nothing, or {@code null}
 */
public record NameResolution(String name, Role role, Outcome outcome, List<String> addresses,
                             List<String> expectedAddresses, String failureMessage) {

    /** Which setting named the name. */
    public enum Role {
        /** The trusted application pool FQDN. */
        POOL,
        /** A BEMS instance FQDN. */
        INSTANCE,
        /** The Exchange UM IP gateway address. */
        GATEWAY;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How one lookup ended. */
    public enum Outcome {
        /** The resolver returned at least one address. */
        RESOLVED,
        /** The resolver said the name does not exist or has no address. */
        NOT_FOUND,
        /** The resolver did not answer within the time the audit allows; whether the name resolves is unknown. */
        TIMED_OUT,
        /** The lookup failed otherwise (the resolver itself failed); whether the name resolves is unknown. */
        FAILED;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public NameResolution {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(outcome, "outcome");
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        expectedAddresses = expectedAddresses == null ? List.of() : List.copyOf(expectedAddresses);
    }
}
