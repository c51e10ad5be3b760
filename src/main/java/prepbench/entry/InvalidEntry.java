package prepbench.entry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a lab lead entered cannot be saved: the message for each field that is wrong.
 * Nothing was changed. Each message is a {@link Text} (a plain String only where a
 * message is not yet in the bundles), worded for the reader with
 * {@link #problems(Words)}.
 */
public class InvalidEntry extends RuntimeException {

    private final Map<String, Object> problems;

    public InvalidEntry(Map<String, ?> problems) {
        super(String.join(" ", english(problems).values()));
        this.problems = new LinkedHashMap<>(problems);
    }

    public static InvalidEntry of(String field, Text message) {
        return new InvalidEntry(Map.of(field, message));
    }

    public static InvalidEntry of(String field, String message) {
        return new InvalidEntry(Map.of(field, message));
    }

    /** Field name to message in English, in the order the fields appear. */
    public Map<String, String> problems() {
        return english(problems);
    }

    /** Field name to message in the reader's language, in the order the fields appear. */
    public Map<String, String> problems(Words words) {
        Map<String, String> worded = new LinkedHashMap<>();
        problems.forEach((field, message) -> worded.put(field,
                message instanceof Text text ? words.text(text) : String.valueOf(message)));
        return Collections.unmodifiableMap(worded);
    }

    /** The message for one field in English, or null. */
    public String problem(String field) {
        return problems().get(field);
    }

    private static Map<String, String> english(Map<String, ?> problems) {
        Map<String, String> english = new LinkedHashMap<>();
        problems.forEach((field, message) -> english.put(field,
                message instanceof Text text ? text.english() : String.valueOf(message)));
        return Collections.unmodifiableMap(english);
    }

}
