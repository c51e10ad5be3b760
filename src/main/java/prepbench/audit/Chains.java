package prepbench.audit;

import java.util.UUID;

/** The names of the audit hash chains: one per session, one per formula for what belongs to no session. */
final class Chains {

    private Chains() {
    }

    static String session(UUID sessionId) {
        return "session:" + sessionId;
    }

    static String formula(String formulaCode) {
        return "formula:" + formulaCode;
    }
}
