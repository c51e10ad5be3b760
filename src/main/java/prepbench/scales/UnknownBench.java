package prepbench.scales;

import prepbench.entry.Text;
import prepbench.entry.Worded;

/** No bench has this id on this station. */
public class UnknownBench extends RuntimeException implements Worded {

    private final Text text;

    public UnknownBench(String id) {
        this(Text.of("refused.scale.unknown-bench",
                id == null ? "" : id.length() > 64 ? id.substring(0, 64) + "…" : id));
    }

    private UnknownBench(Text text) {
        super(text.english());
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }

}
