package prepbench.entry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a lab lead entered cannot be saved: the message for each field that is wrong.
 * Nothing was changed. Each message is a {@link Text}, worded for the reader with
 * {@link #problems(Words)}.
 */
public class InvalidEntry extends RuntimeException {

    private final Map<String, Text> problems;

    public InvalidEntry(Map<String, Text> problems) {
        super(String.join(" ", english(problems).values()));
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public static InvalidEntry of(String field, Text message) {
        return new InvalidEntry(Map.of(field, message));
    }

    /** Field name to message in English, in the order the fields appear. */
    public Map<String, String> problems() {
        return english(problems);
    }

    /** Field name to message in the reader's language, in the order the fields appear. */
    public Map<String, String> problems(Words words) {
        Map<String, String> worded = new LinkedHashMap<>();
        problems.forEach((field, message) -> worded.put(field, words.text(message)));
        return Collections.unmodifiableMap(worded);
    }

    /**
     * Field name to message, not yet in a language, in the order the fields appear (to
     * add to them and throw again).
     */
    public Map<String, Text> texts() {
        return problems;
    }

    /** The message for one field in English, or null. */
    public String problem(String field) {
        return problems().get(field);
    }

    private static Map<String, String> english(Map<String, Text> problems) {
        Map<String, String> english = new LinkedHashMap<>();
        problems.forEach((field, message) -> english.put(field, message.english()));
        return Collections.unmodifiableMap(english);
    }

}
