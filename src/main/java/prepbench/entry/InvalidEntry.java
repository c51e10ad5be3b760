package prepbench.entry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a lab lead entered cannot be saved: the message for each field that is wrong.
 * Nothing was changed.
 */
public class InvalidEntry extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidEntry(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = new LinkedHashMap<>(problems);
    }

    public static InvalidEntry of(String field, String message) {
        return new InvalidEntry(Map.of(field, message));
    }

    /** Field name to message, in the order the fields appear. */
    public Map<String, String> problems() {
        return Collections.unmodifiableMap(problems);
    }

    /** The message for one field, or null. */
    public String problem(String field) {
        return problems.get(field);
    }

}
