package prepbench.access;

import java.util.Locale;

import prepbench.entry.Text;

/**
 * What a signed-in person may do. Reading (pages, records, the catalogue) needs no
 * permission: every role reads. Each permission says, for a refusal, whom to ask.
 */
public enum Permission {

    /**
     * Start, resume and weigh a preparation; zero and tare the balance at its bench; fail
     * or cancel one's own.
     */
    PREPARE,
    /**
     * Enter a weight by hand (with a reason) and act on a preparation someone else
     * started.
     */
    ENTER_MANUAL_WEIGHT,
    /**
     * Release a formula locked after too many failed attempts (with a reason and a
     * signature).
     */
    RELEASE_LOCK,
    /** Create and change ingredients, formula drafts and imports; retire versions. */
    EDIT_CATALOG,
    /** Release a formula version for preparation, with one's signature. */
    SIGN_RELEASE,
    /**
     * Create, disable, enable, unlock accounts, change their role and reset their
     * password.
     */
    MANAGE_ACCOUNTS,
    /** See diagnostics: benches, connections, the database's last error. */
    DIAGNOSE,
    /**
     * Search, export and verify the whole audit trail; write checkpoints; acknowledge its
     * alerts.
     */
    REVIEW_AUDIT,
    /**
     * Record the result of a test after preparation on a sample (pass or fail, a value, a
     * note).
     */
    RECORD_TEST_RESULT;

    /** What the permission allows, to finish "may not …", in the reader's language. */
    public Text what() {
        return Text.of("permission." + key() + ".what");
    }

    /** Whom to ask, for a refusal, in the reader's language. */
    public Text askWhom() {
        return Text.of("permission." + key() + ".ask");
    }

    private String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

}
