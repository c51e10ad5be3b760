package prepbench.preparation;

import prepbench.entry.Text;
import prepbench.entry.Worded;

/** A bench name that cannot be one. */
public class InvalidBench extends RuntimeException implements Worded {

    private static final Text TEXT = Text.of("refused.bench.invalid");

    InvalidBench() {
        super(TEXT.english());
    }

    @Override
    public Text text() {
        return TEXT;
    }

}
