package io.certaudit.agent.architecture.cycle.second;

import io.certaudit.agent.architecture.cycle.first.FirstOfACycle;

/** The other half of the cycle LayersTest's cycle rule must catch. */
public final class SecondOfACycle {

    /** The dependency back. */
    public static final Class<?> OTHER = FirstOfACycle.class;

    private SecondOfACycle() {
    }
}
