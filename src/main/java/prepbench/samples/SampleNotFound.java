package prepbench.samples;

/** No sample has this code. */
public class SampleNotFound extends RuntimeException {

    private final String code;

    public SampleNotFound(String code) {
        super("No sample has the code " + shown(code) + ". Check the code on the sample's label, or scan it.");
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
