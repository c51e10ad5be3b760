package prepbench.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits for what happens in another thread or process: a condition asked again every 50
 * ms until it holds, failing with what was awaited once the time is out.
 */
public final class Eventually {

    private Eventually() {
    }

    /**
     * Returns once the condition holds; an {@link AssertionError} or an
     * {@link IOException} while asking counts as "not yet".
     */
    public static void await(Callable<Boolean> condition, String what, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            }
            catch (AssertionError | IOException notYet) {
                // not yet
            }
            Thread.sleep(50);
        }
        assertThat(condition.call()).as(what + " within " + within.toSeconds() + " s").isTrue();
    }

}
