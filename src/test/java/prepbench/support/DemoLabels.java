package prepbench.support;

import java.util.Map;

/**
 * What a scanner reads from the container of each demo ingredient of PRM00936, keyed by
 * the code value the step asks for: plain, AIM-prefixed, GS1 and key=value labels, and an
 * alias.
 */
public final class DemoLabels {

    public static final Map<String, String> PRM00936 = Map.of("ING-ETH-001", "ING-ETH-001", "ING-LIM-001",
            "]C1ING-LIM-001", "09506000134352", "]C1(01)09506000134352(17)301231(10)LIN-LOT-7", "BER-001",
            "ING=BER-001;LOT=B-2291;EXP=2030-06-30", "ING-HED-001", "HEDIONE", "ING-ISO-001", "ING-ISO-001",
            "ING-GAL-001", "ING-GAL-001", "ING-VAN-001", "ING-VAN-001");

    private DemoLabels() {
    }

}
