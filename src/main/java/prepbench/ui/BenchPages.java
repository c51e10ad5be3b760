package prepbench.ui;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import prepbench.scales.BenchManagement;
import prepbench.scales.UnknownBench;

/** The live reading stream of a bench, for the preparation page. */
@Controller
class BenchPages {

    private final BenchManagement benches;

    private final LiveReadings live;

    BenchPages(BenchManagement benches, LiveReadings live) {
        this.benches = benches;
        this.live = live;
    }

    @GetMapping(path = "/benches/{bench}/stream", produces = "text/event-stream")
    Object streamReadings(@PathVariable String bench, Principal me) {
        if (!benches.exists(bench)) {
            throw new UnknownBench(bench);
        }
        try {
            return live.watch(bench, me.getName());
        }
        catch (LiveReadings.TooManyStreams tooMany) {
            // an EventSource cannot show a body: the page shows the panel as disconnected
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60").build();
        }
    }

}
