package prepbench.preparation;

import prepbench.entry.Text;

/**
 * Test data: the refusals the preparation module throws, for tests of the edges that
 * answer them.
 */
public final class Refusals {

    private Refusals() {
    }

    public static ActionRefused refused(ActionRefused.Reason reason, Text text) {
        return new ActionRefused(reason, text);
    }

}
