package prepbench.ui;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import prepbench.sync.StationSync;

@Controller
class LoginPages {

    private final StationSync sync;

    LoginPages(StationSync sync) {
        this.sync = sync;
    }

    @GetMapping("/login")
    String showLogin(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            @RequestParam(required = false) String ended, @RequestParam(required = false) String timeout,
            @RequestParam(required = false) String throttled, Model model) {
        model.addAttribute("throttled", throttled != null);
        model.addAttribute("ended", ended != null);
        model.addAttribute("timedOut", timeout != null);
        model.addAttribute("failed", error != null);
        model.addAttribute("loggedOut", logout != null);
        // at a station: why nobody can sign in yet, or that central is away
        model.addAttribute("stationNote", sync.signInNote().orElse(null));
        model.addAttribute("centralUrl", sync.centralUrl());
        return "login";
    }

    /** "Stay signed in": a request that keeps the page session open. */
    @GetMapping("/session")
    ResponseEntity<Void> keepSession() {
        return ResponseEntity.noContent().build();
    }

}
