package io.certaudit.model;

/** A model class that depends on the engine, which model classes must not: LayersTest shows its rule catches it. */
public final class LayerBreakingFact {

    /** The dependency the rule forbids. */
    public static final Class<?> ENGINE = io.certaudit.engine.Severity.class;

    private LayerBreakingFact() {
    }
}
