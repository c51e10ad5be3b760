package prepbench.audit;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit trail and verifies its hash chains. */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

    private final AuditEvents events;

    AuditTrail(AuditEvents events) {
        this.events = events;
    }

    /** Every event of one preparation session, oldest first. */
    public List<AuditEvent> forSession(UUID sessionId) {
        return events.forSession(sessionId);
    }

    /** Every event about one formula that belongs to no session (locks and their release), oldest first. */
    public List<AuditEvent> forFormula(String formulaCode) {
        return events.forChain(Chains.formula(formulaCode));
    }

    /** Every change to the formula's versions (created, saved, released, retired), oldest first. */
    public List<AuditEvent> forFormulaVersions(String formulaCode) {
        return events.forChain(Chains.formulaVersions(formulaCode));
    }

    /** Every change to the ingredient, oldest first. */
    public List<AuditEvent> forIngredient(String ingredientCode) {
        return events.forChain(Chains.ingredient(ingredientCode));
    }

    /** Whether the chain of the formula's locks and their releases is intact. */
    public ChainVerification verifyFormula(String formulaCode) {
        return events.verify(Chains.formula(formulaCode));
    }

    /** Whether the chain of the formula's version changes is intact. */
    public ChainVerification verifyFormulaVersions(String formulaCode) {
        return events.verify(Chains.formulaVersions(formulaCode));
    }

    /** Everything that happened to the account (changes, sign-ins, failures, locks), oldest first. */
    public List<AuditEvent> forAccount(String username) {
        return events.forChain(Chains.account(username));
    }

    /** Whether the chain of the account's events is intact. */
    public ChainVerification verifyAccount(String username) {
        return events.verify(Chains.account(username));
    }

    /** Whether the chain of the ingredient's changes is intact. */
    public ChainVerification verifyIngredient(String ingredientCode) {
        return events.verify(Chains.ingredient(ingredientCode));
    }

    /** Whether the session's chain is intact: no event changed, removed or inserted behind the application's back. */
    public ChainVerification verifySession(UUID sessionId) {
        return events.verify(Chains.session(sessionId));
    }
}
