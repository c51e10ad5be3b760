package prepbench.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import prepbench.formulas.FormulaCode;
import prepbench.formulas.FormulaManagement;
import prepbench.catalog.IngredientManagement;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.SessionId;
import prepbench.samples.SampleRegister;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the audit trail and verifies it: its chains, their checkpoints, and the records
 * they vouch for.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

    private final AuditEvents events;

    private final AuditKeys keys;

    private final Checkpoints checkpoints;

    private final PreparationManagement preparations;

    private final SampleRegister samples;

    private final FormulaManagement formulas;

    private final IngredientManagement ingredients;

    private final JsonMapper json;

    private final Clock clock;

    AuditTrail(AuditEvents events, AuditKeys keys, Checkpoints checkpoints, PreparationManagement preparations,
            SampleRegister samples, FormulaManagement formulas, IngredientManagement ingredients, JsonMapper json,
            Clock clock) {
        this.events = events;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.preparations = preparations;
        this.samples = samples;
        this.formulas = formulas;
        this.ingredients = ingredients;
        this.json = json;
        this.clock = clock;
    }

    /** Every event of one preparation session, oldest first. */
    public List<AuditEvent> forSession(UUID sessionId) {
        return events.forSession(sessionId);
    }

    /**
     * Every event about one formula that belongs to no session (locks and their release),
     * oldest first.
     */
    public List<AuditEvent> forFormula(String formulaCode) {
        return events.forChain(Chains.formula(formulaCode));
    }

    /**
     * Every change to the formula's versions (created, saved, released, retired), oldest
     * first.
     */
    public List<AuditEvent> forFormulaVersions(String formulaCode) {
        return events.forChain(Chains.formulaVersions(formulaCode));
    }

    /** Every change to the ingredient, oldest first. */
    public List<AuditEvent> forIngredient(String ingredientCode) {
        return events.forChain(Chains.ingredient(ingredientCode));
    }

    /**
     * Everything that happened to the account (changes, sign-ins, failures, locks),
     * oldest first.
     */
    public List<AuditEvent> forAccount(String username) {
        return events.forChain(Chains.account(username));
    }

    /**
     * Everything that happened to the API token (created, revoked, each write), oldest
     * first.
     */
    public List<AuditEvent> forToken(String name) {
        return events.forChain(Chains.token(name));
    }

    /** Whether the chain of the formula's locks and their releases is intact. */
    public ChainVerification verifyFormula(String formulaCode) {
        return verify(Chains.formula(formulaCode));
    }

    /**
     * Whether the chain of the formula's version changes is intact, and the versions are
     * what it says.
     */
    public ChainVerification verifyFormulaVersions(String formulaCode) {
        return verify(Chains.formulaVersions(formulaCode));
    }

    /** Whether the chain of the account's events is intact. */
    public ChainVerification verifyAccount(String username) {
        return verify(Chains.account(username));
    }

    /**
     * Whether the chain of the ingredient's changes is intact, and the ingredient is what
     * it says.
     */
    public ChainVerification verifyIngredient(String ingredientCode) {
        return verify(Chains.ingredient(ingredientCode));
    }

    /**
     * Whether the session's chain is intact (no event changed, removed or inserted behind
     * the application's back, no shorter than its last checkpoint) and the record shows
     * what the chain says.
     */
    public ChainVerification verifySession(UUID sessionId) {
        return verify(Chains.session(sessionId));
    }

    /**
     * One chain against its checkpoint, and the record it vouches for (if it vouches for
     * one) against it.
     */
    private ChainVerification verify(String chain) {
        ChainWalk walk = new ChainWalk(keys, chain, checkpoints.latest(chain));
        List<AuditEvent> chainEvents = events.forChain(chain);
        chainEvents.forEach(walk::accept);
        checkRecord(walk, chain, chainEvents);
        return walk.finish();
    }

    /**
     * The record a chain vouches for, checked against it: a preparation, a formula's
     * versions, an ingredient.
     */
    private void checkRecord(ChainWalk walk, String chain, List<AuditEvent> chainEvents) {
        if (chain.startsWith(Chains.SESSION_PREFIX)) {
            UUID sessionId = UUID.fromString(chain.substring(Chains.SESSION_PREFIX.length()));
            preparations.find(new SessionId(sessionId))
                .ifPresent(session -> RecordCheck.check(json, walk, chainEvents, session, samples.forSession(sessionId),
                        session.origin().station() == null ? List.of()
                                : events.forChain(Chains.centralDecision(sessionId))));
        }
        else if (chain.startsWith(Chains.FORMULA_VERSIONS_PREFIX)) {
            FormulaCode.tryParse(chain.substring(Chains.FORMULA_VERSIONS_PREFIX.length()))
                .ifPresent(code -> CatalogCheck.formulaVersions(json, walk, chainEvents, formulas.versions(code)));
        }
        else if (chain.startsWith(Chains.INGREDIENT_PREFIX)) {
            CatalogCheck.ingredient(json, walk, chainEvents,
                    ingredients.find(chain.substring(Chains.INGREDIENT_PREFIX.length())));
        }
    }

    private static boolean hasRecord(String chain) {
        return chain.startsWith(Chains.SESSION_PREFIX) || chain.startsWith(Chains.FORMULA_VERSIONS_PREFIX)
                || chain.startsWith(Chains.INGREDIENT_PREFIX);
    }

    /**
     * Verifies everything: every chain event by event, every preparation's record against
     * its chain, and every checkpoint line, read again from its file, against the chains.
     */
    public TrailVerification verifyEverything() {
        Instant started = clock.instant();
        long began = System.nanoTime();
        Checkpoints.Read read = checkpoints.reread();
        Map<String, Checkpoints.Mark> marks = read.marks();
        List<AuditProblem> problems = new ArrayList<>(read.problems());
        int[] problemCount = { read.problems().size() };
        long[] eventCount = { 0 };
        Set<String> seen = new HashSet<>();
        var current = new Object() {
            ChainWalk walk;

            String chain;

            List<AuditEvent> recordEvents = new ArrayList<>();

        };
        Runnable finish = () -> {
            if (current.walk == null) {
                return;
            }
            if (hasRecord(current.chain)) {
                checkRecord(current.walk, current.chain, current.recordEvents);
            }
            List<AuditProblem> found = current.walk.finish().problems();
            problemCount[0] += found.size();
            found.stream().limit(Math.max(0, TrailVerification.MAX_LISTED - problems.size())).forEach(problems::add);
        };
        events.eachEvent(event -> {
            eventCount[0]++;
            if (!event.chain().equals(current.chain)) {
                finish.run();
                current.chain = event.chain();
                current.walk = new ChainWalk(keys, event.chain(), marks.get(event.chain()));
                current.recordEvents = new ArrayList<>();
                seen.add(event.chain());
            }
            current.walk.accept(event);
            if (hasRecord(event.chain())) {
                current.recordEvents.add(event);
            }
        });
        finish.run();
        for (Checkpoints.Mark mark : marks.values()) {
            if (!seen.contains(mark.chain())) {
                problemCount[0]++;
                if (problems.size() < TrailVerification.MAX_LISTED) {
                    problems.add(new AuditProblem(mark.chain(), mark.seq(), AuditProblem.Kind.TRUNCATED, null,
                            "the chain has no events, and the checkpoint of " + mark.at() + " saw it reach #"
                                    + mark.seq()));
                }
            }
        }
        return new TrailVerification(problemCount[0] == 0, seen.size(), eventCount[0], problems, problemCount[0],
                started, Duration.ofNanos(System.nanoTime() - began));
    }

}
