package prepbench.audit;

import java.util.UUID;

/**
 * The names of the audit hash chains: one per session, one per formula for locks (what
 * belongs to no session), one per formula for its versions and one per ingredient.
 */
final class Chains {

    private Chains() {
    }

    static final String SESSION_PREFIX = "session:";

    static String session(UUID sessionId) {
        return SESSION_PREFIX + sessionId;
    }

    static String formula(String formulaCode) {
        return "formula:" + formulaCode;
    }

    /** Changes to a formula's versions, serialised by the formula's row lock. */
    static final String FORMULA_VERSIONS_PREFIX = "formula-versions:";

    static final String INGREDIENT_PREFIX = "ingredient:";

    static String formulaVersions(String formulaCode) {
        return FORMULA_VERSIONS_PREFIX + formulaCode;
    }

    /**
     * Central's decisions about a station's preparation (issue 18): sealed by central,
     * beside the station's own chain of it.
     */
    static String centralDecision(UUID sessionId) {
        return "central:" + sessionId;
    }

    /** A station's registration at central (issue 18). */
    static String station(String name) {
        return "station:" + name;
    }

    /** An account's changes and sign-ins, serialised by the account's row lock. */
    static String account(String username) {
        return "account:" + username;
    }

    /**
     * An API token's creation, revocation and writes, serialised by the token's row lock.
     */
    static String token(String name) {
        return "token:" + name;
    }

    /**
     * What happens to a sample after its preparation, serialised by the sample's row
     * lock.
     */
    static String sample(String sampleCode) {
        return "sample:" + sampleCode;
    }

    /** Changes to an ingredient, serialised by the ingredient's row lock. */
    static String ingredient(String ingredientCode) {
        return INGREDIENT_PREFIX + ingredientCode;
    }

    /**
     * Verification runs, checkpoints asked for and alerts acknowledged, serialised by its
     * lock row.
     */
    static final String REVIEW = "audit-review";

}
