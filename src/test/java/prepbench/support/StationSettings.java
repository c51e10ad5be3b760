package prepbench.support;

import java.util.List;

/**
 * The settings of a test station (issue 18): two benches on a TCP balance, its central,
 * its token, no demo data, and a refresh every second so tests need not wait.
 */
public final class StationSettings {

    private StationSettings() {
    }

    /** Command-line settings of the station {@code name}. */
    public static List<String> of(String name, int balancePort, String centralUrl, String token) {
        return List.of("--prepbench.demo-data=false", "--prepbench.simulated-benches=0",
                "--prepbench.benches[0].id=" + name + "-1", "--prepbench.benches[0].scale.protocol=mt-sics",
                "--prepbench.benches[0].scale.host=127.0.0.1", "--prepbench.benches[0].scale.port=" + balancePort,
                "--prepbench.benches[1].id=" + name + "-2", "--prepbench.benches[1].scale.protocol=mt-sics",
                "--prepbench.benches[1].scale.host=127.0.0.1", "--prepbench.benches[1].scale.port=" + balancePort,
                "--prepbench.sync.central-url=" + centralUrl, "--prepbench.sync.token=" + token,
                "--prepbench.sync.refresh-every=1s");
    }

}
