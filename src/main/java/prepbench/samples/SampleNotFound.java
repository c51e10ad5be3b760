package prepbench.samples;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/** No sample has this code. */
public class SampleNotFound extends WordedRefusal {

    private final String code;

    public SampleNotFound(String code) {
        this(code, Text.of("refused.sample.not-found", shown(code)));
    }

    private SampleNotFound(String code, Text text) {
        super(text);
        this.code = code;
    }

    public String code() {
        return code;
    }

    private static String shown(String code) {
        String value = code == null ? "" : code.strip();
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }

}
