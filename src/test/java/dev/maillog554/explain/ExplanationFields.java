package dev.maillog554.explain;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** The JSON names of {@link Explanation}'s fields, as both explain --json and POST /api/explain must print them. */
public final class ExplanationFields {

    private ExplanationFields() {
    }

    /** Every field in snake_case, in record order, without {@code checks} (only there after a --check). */
    public static List<String> withoutChecks() {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : Explanation.class.getRecordComponents()) {
            if (!"checks".equals(c.getName())) {
                out.add(c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }
}
