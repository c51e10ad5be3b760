package prepbench.ui;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import prepbench.access.Actor;
import prepbench.security.AccountManagement;
import prepbench.sync.StationSync;
import prepbench.sync.Stations;
import prepbench.sync.SyncRefused;

/**
 * {@code /admin/stations}, at central: the offline stations (docs/sync.md). An admin
 * registers one with the accounts allowed at it and sees its token on the answer, once
 * (not cached); changes the accounts of a station; revokes one. At a station the page
 * only says where stations are registered.
 */
@Controller
class StationPages {

    private final Stations stations;

    private final StationSync sync;

    private final AccountManagement accounts;

    StationPages(Stations stations, StationSync sync, AccountManagement accounts) {
        this.stations = stations;
        this.sync = sync;
        this.accounts = accounts;
    }

    @GetMapping("/admin/stations")
    String listStations(Actor admin, @RequestParam(required = false) String saved,
            @RequestParam(required = false) String revoked, HttpServletRequest request, Model model) {
        String done = saved != null ? Languages.words(request).t("admin.stations.saved", saved)
                : revoked != null ? Languages.words(request).t("admin.stations.revoked-done", revoked) : null;
        return page(model, admin, done, false, null, null, "", List.of());
    }

    @PostMapping("/admin/stations")
    String registerStation(Actor admin, @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "accounts", required = false) List<String> allowed, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            Stations.NewStation created = stations.register(admin, name, allowed == null ? List.of() : allowed);
            response.setHeader("Cache-Control", "no-store");
            return page(model, admin, null, false, created.name(), created.token(), "", List.of());
        }
        catch (SyncRefused refused) {
            response.setStatus(422);
            return page(model, admin, Languages.words(request).message(refused), true, null, null,
                    name.length() > 50 ? name.substring(0, 50) : name, allowed == null ? List.of() : allowed);
        }
    }

    /** The checked accounts are the station's list: none checked, none allowed. */
    @PostMapping("/admin/stations/{name}/accounts")
    Object saveAccounts(Actor admin, @PathVariable String name,
            @RequestParam(name = "accounts", required = false) List<String> allowed, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            stations.allowAccounts(admin, name, allowed == null ? List.of() : allowed);
            return Redirects.seeOther("/admin/stations?saved=" + name);
        }
        catch (SyncRefused refused) {
            response.setStatus(422);
            return page(model, admin, Languages.words(request).message(refused), true, null, null, "", List.of());
        }
    }

    @PostMapping("/admin/stations/{name}/revoke")
    Object revokeStation(Actor admin, @PathVariable String name, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            stations.revoke(admin, name);
            return Redirects.seeOther("/admin/stations?revoked=" + name);
        }
        catch (SyncRefused refused) {
            response.setStatus(422);
            return page(model, admin, Languages.words(request).message(refused), true, null, null, "", List.of());
        }
    }

    private String page(Model model, Actor admin, String message, boolean refused, String createdName,
            String createdToken, String name, List<String> ticked) {
        admin.require(prepbench.access.Permission.MANAGE_ACCOUNTS);
        model.addAttribute("page",
                new StationsPage(sync.centralUrl(), sync.isStation() ? List.of() : stations.all(admin), accounts.list(),
                        message, refused, createdName, createdToken, name, ticked));
        return "stations";
    }

}
