package prepbench.ui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import prepbench.scales.Benches;
import prepbench.scales.UnknownBench;

/** The live reading stream of a bench, for the preparation page. */
@Controller
class BenchPages {

    private final Benches benches;
    private final LiveReadings live;

    BenchPages(Benches benches, LiveReadings live) {
        this.benches = benches;
        this.live = live;
    }

    @GetMapping(path = "/benches/{bench}/stream", produces = "text/event-stream")
    SseEmitter streamReadings(@PathVariable String bench) {
        if (!benches.exists(bench)) {
            throw new UnknownBench(bench);
        }
        return live.watch(bench);
    }
}
