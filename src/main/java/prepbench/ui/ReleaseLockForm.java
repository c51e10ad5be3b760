package prepbench.ui;

import prepbench.entry.Text;

/**
 * The lock-release form, shown where a lock is met: on the dashboard, on the locked
 * preparation and on the formula's page. With htmx it answers itself: a refusal keeps
 * what was typed (but the password) and says why at the form; a release replaces the form
 * with a success note.
 *
 * @param session the preparation page the form is on, to come back to without JavaScript;
 * null elsewhere
 * @param reason the reason typed, kept after a refusal
 * @param message what the last release said; null before one
 */
public record ReleaseLockForm(String formulaCode, String session, String reason, String message, boolean released) {

    /**
     * What a signature on a lock release means, as the form states it: the words of
     * {@link prepbench.preparation.PreparationManagement#LOCK_RELEASE_MEANING}, which the
     * signature records in English.
     */
    public Text meaning() {
        return Text.of("catalog.release-lock.meaning");
    }

    public static ReleaseLockForm blank(String formulaCode, String session) {
        return new ReleaseLockForm(formulaCode, session, "", null, false);
    }

    /** A distinct id prefix per formula, so two forms on one page never share a label. */
    public String idPrefix() {
        return "release-" + formulaCode.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    public boolean refused() {
        return message != null && !released;
    }
}
