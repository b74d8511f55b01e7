package io.certaudit.agent.architecture.cycle.first;

import io.certaudit.agent.architecture.cycle.second.SecondOfACycle;

/** Needs a class of a package that needs this one back: LayersTest shows its cycle rule catches it. */
public final class FirstOfACycle {

    /** The dependency that closes the cycle. */
    public static final Class<?> OTHER = SecondOfACycle.class;

    private FirstOfACycle() {
    }
}
