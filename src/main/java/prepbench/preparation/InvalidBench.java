package prepbench.preparation;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/** A bench name that cannot be one. */
public class InvalidBench extends WordedRefusal {

    private static final Text TEXT = Text.of("refused.bench.invalid");

    InvalidBench() {
        super(TEXT);
    }

}
