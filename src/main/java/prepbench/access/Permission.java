package prepbench.access;

/**
 * What a signed-in person may do. Reading (pages, records, the catalogue) needs no
 * permission: every role reads. Each permission says, for a refusal, whom to ask.
 */
public enum Permission {

    /**
     * Start, resume and weigh a preparation; zero and tare the balance at its bench; fail
     * or cancel one's own.
     */
    PREPARE("prepare formulas", "Ask a lab lead for a technician account."),
    /**
     * Enter a weight by hand (with a reason) and act on a preparation someone else
     * started.
     */
    ENTER_MANUAL_WEIGHT("enter weights by hand", "Ask a lab lead."),
    /**
     * Release a formula locked after too many failed attempts (with a reason and a
     * signature).
     */
    RELEASE_LOCK("release formula locks", "Ask a lab lead."),
    /** Create and change ingredients, formula drafts and imports; retire versions. */
    EDIT_CATALOG("change ingredients and formulas", "Ask a lab lead."),
    /** Release a formula version for preparation, with one's signature. */
    SIGN_RELEASE("release formula versions (a lab lead's signature)", "Ask a lab lead."),
    /**
     * Create, disable, enable, unlock accounts, change their role and reset their
     * password.
     */
    MANAGE_ACCOUNTS("manage accounts", "Ask an admin."),
    /** See diagnostics: benches, connections, the database's last error. */
    DIAGNOSE("see diagnostics", "Ask a lab lead or an admin."),
    /**
     * Search, export and verify the whole audit trail; write checkpoints; acknowledge its
     * alerts.
     */
    REVIEW_AUDIT("review the audit trail", "Ask a lab lead or an admin."),
    /**
     * Record the result of a test after preparation on a sample (pass or fail, a value, a
     * note).
     */
    RECORD_TEST_RESULT("record test results", "Ask a lab lead.");

    private final String what;

    private final String askWhom;

    Permission(String what, String askWhom) {
        this.what = what;
        this.askWhom = askWhom;
    }

    /** What the permission allows, to finish "may not …". */
    public String what() {
        return what;
    }

    /** Whom to ask, for a refusal. */
    public String askWhom() {
        return askWhom;
    }

}
