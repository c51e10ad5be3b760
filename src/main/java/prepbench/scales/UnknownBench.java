package prepbench.scales;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/** No bench has this id on this station. */
public class UnknownBench extends WordedRefusal {

    public UnknownBench(String id) {
        this(Text.of("refused.scale.unknown-bench",
                id == null ? "" : id.length() > 64 ? id.substring(0, 64) + "…" : id));
    }

    private UnknownBench(Text text) {
        super(text);
    }

}
