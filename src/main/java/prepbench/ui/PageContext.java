package prepbench.ui;

import java.time.Instant;
import java.time.LocalDate;

import prepbench.entry.Text;
import prepbench.entry.Words;

/**
 * What every page's layout needs: who is signed in, the CSRF token its forms send, and
 * whether this is a demo station (simulated balances, public passwords), which every page
 * then says, and after how many seconds without a request the page session ends
 * ({@code prepbench.session.idle-minutes}).
 *
 * @param username null on pages shown to anonymous visitors (login, some errors)
 * @param words the reader's language (and the lab's zone for times): every word a page
 * shows comes from {@link #t}
 * @param assets a stylesheet's or script's address to its fingerprinted one
 * @param here the address of this page, where the language switch comes back to ("/"
 * after a form was sent)
 */
public record PageContext(String username, String roles, boolean mayPrepare, boolean mayDiagnose,
        boolean mayEditCatalog, boolean mayReleaseFormulas, boolean mayReleaseLocks, boolean mayManageAccounts,
        boolean mayReviewAudit, String csrfParameter, String csrfToken, boolean demo, long idleSeconds, Words words,
        String here, java.util.function.UnaryOperator<String> assets) {

    /**
     * The fingerprinted address of a stylesheet or script (its content's hash in the
     * name), which browsers keep for a year.
     */
    public String asset(String path) {
        return assets.apply(path);
    }

    /** The words for a key of the message bundles, its arguments in place. */
    public String t(String key, Object... args) {
        return words.t(key, args);
    }

    public String text(Text text) {
        return words.text(text);
    }

    /** A moment in the lab's zone, in the reader's language. */
    public String time(Instant instant) {
        return words.time(instant);
    }

    public String date(LocalDate day) {
        return words.date(day);
    }

    /** The signed-in person's roles in words. */
    public String roleNames() {
        return java.util.Arrays.stream(roles.split(", "))
            .filter(code -> !code.isEmpty())
            .map(code -> words.t("role." + code))
            .collect(java.util.stream.Collectors.joining(", "));
    }

    /** {@code en} or {@code ar}. */
    public String lang() {
        return words.lang();
    }

    /** {@code ltr} or {@code rtl}. */
    public String dir() {
        return words.dir();
    }

    public boolean rightToLeft() {
        return words.rightToLeft();
    }

    public boolean signedIn() {
        return username != null;
    }
}
