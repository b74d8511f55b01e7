package io.certaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.certaudit.model.StoreName;

/**
 * {@link Finding}'s written-out {@code equals} and {@code hashCode} behave as a record's generated ones: every
 * component takes part, nulls included, and the hash is the generated one's (each component's hash combined as
 * {@code 31 * h + next}, starting from 0), so a component added later without being added there is caught here.
 */
class FindingEqualityTest {

    /** The components a finding may leave out. */
    private static final Set<String> NULLABLE = Set.of("store", "thumbprint", "subject", "remediation");

    private static final Finding BASE = new Finding("CHAIN_BROKEN", Severity.ERROR, StoreName.MY, "AB12",
            "CN=service", "the chain is broken", "import the intermediate", Map.of("issuer", "CN=ca"),
            List.of("import the intermediate"));

    @Test
    void aCopyIsEqualWithTheSameHash() throws Exception {
        Finding copy = withComponents(components(BASE));
        assertEquals(BASE, copy);
        assertEquals(BASE.hashCode(), copy.hashCode());
        Finding nulls = new Finding("R", Severity.WARNING, null, null, null, "m", null, null, null);
        assertEquals(nulls, new Finding("R", Severity.WARNING, null, null, null, "m", null, null, null));
    }

    @Test
    void findingsDifferingInAnyOneComponentAreNotEqual() throws Exception {
        RecordComponent[] recordComponents = Finding.class.getRecordComponents();
        for (int i = 0; i < recordComponents.length; i++) {
            Object[] values = components(BASE);
            values[i] = changed(values[i]);
            Finding other = withComponents(values);
            assertNotEquals(BASE, other, recordComponents[i].getName());
            assertNotEquals(other, BASE, recordComponents[i].getName());
            if (NULLABLE.contains(recordComponents[i].getName())) {
                values[i] = null;
                assertNotEquals(BASE, withComponents(values), recordComponents[i].getName() + " null");
                assertNotEquals(withComponents(values), BASE, recordComponents[i].getName() + " null");
            }
        }
        assertNotEquals(BASE, null);
        assertNotEquals(BASE, "CHAIN_BROKEN");
    }

    @Test
    void theHashIsTheOneARecordGenerates() throws Exception {
        for (Finding finding : List.of(BASE, BASE.withSeverity(Severity.INFO),
                new Finding("R", Severity.WARNING, null, null, null, "m", null, null, null))) {
            int expected = 0;
            for (Object value : components(finding)) {
                expected = 31 * expected + Objects.hashCode(value);
            }
            assertEquals(expected, finding.hashCode(), finding.toString());
        }
    }

    private static Object[] components(Finding finding) throws Exception {
        RecordComponent[] recordComponents = Finding.class.getRecordComponents();
        Object[] values = new Object[recordComponents.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = recordComponents[i].getAccessor().invoke(finding);
        }
        return values;
    }

    private static Finding withComponents(Object[] values) throws Exception {
        Class<?>[] types = new Class<?>[values.length];
        RecordComponent[] recordComponents = Finding.class.getRecordComponents();
        for (int i = 0; i < types.length; i++) {
            types[i] = recordComponents[i].getType();
        }
        Constructor<Finding> canonical = Finding.class.getDeclaredConstructor(types);
        return canonical.newInstance(values);
    }

    /** A different value of the same type. */
    private static Object changed(Object value) {
        if (value instanceof String text) {
            return text + "x";
        }
        if (value instanceof Enum<?> constant) {
            Object[] constants = constant.getDeclaringClass().getEnumConstants();
            return constants[(constant.ordinal() + 1) % constants.length];
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> more = new HashMap<>(map);
            more.put("another", "value");
            return more;
        }
        if (value instanceof List<?> list) {
            List<Object> more = new ArrayList<>(list);
            more.add("another step");
            return more;
        }
        throw new IllegalArgumentException("no change known for " + value);
    }
}
