package prepbench.samples;

import prepbench.entry.Text;
import prepbench.entry.Worded;

/** No sample has this code. */
public class SampleNotFound extends RuntimeException implements Worded {

    private final String code;

    private final Text text;

    public SampleNotFound(String code) {
        this(code, Text.of("refused.sample.not-found", shown(code)));
    }

    private SampleNotFound(String code, Text text) {
        super(text.english());
        this.code = code;
        this.text = text;
    }

    public String code() {
        return code;
    }

    @Override
    public Text text() {
        return text;
    }

    private static String shown(String code) {
        String value = code == null ? "" : code.strip();
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }

}
