package prepbench.scales;

/** No bench has this id on this station. */
public class UnknownBench extends RuntimeException {

    public UnknownBench(String id) {
        super("There is no bench '" + (id == null ? "" : id.length() > 64 ? id.substring(0, 64) + "…" : id)
                + "' on this station. Choose one of the configured benches.");
    }

}
