package io.certaudit.agent.report;

/** A report class that borrows from a rule, which report classes must not: LayersTest shows its rule catches it. */
public final class ReportBorrowingARule {

    /** The dependency the rule forbids. */
    public static final Class<?> RULE = io.certaudit.catalog.BuiltInRules.class;

    private ReportBorrowingARule() {
    }
}
