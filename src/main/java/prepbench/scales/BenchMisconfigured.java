package prepbench.scales;

/**
 * A bench whose configuration PrepBench cannot run with; startup stops with this message,
 * which names the bench and the property to set (see {@link BenchMisconfiguredAnalyzer}).
 */
public class BenchMisconfigured extends IllegalStateException {

    private final String action;

    public BenchMisconfigured(String problem, String action) {
        super(problem);
        this.action = action;
    }

    /** What to set or change so that PrepBench starts. */
    public String action() {
        return action;
    }

}
