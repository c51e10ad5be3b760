package prepbench.ui;

/**
 * What every page's layout needs: who is signed in, the CSRF token its forms send, and
 * whether this is a demo station (simulated balances, public passwords), which every page
 * then says, and after how many seconds without a request the page session ends
 * ({@code prepbench.session.idle-minutes}).
 *
 * @param username null on pages shown to anonymous visitors (login, some errors)
 */
public record PageContext(String username, String roles, boolean mayPrepare, boolean mayDiagnose,
        boolean mayEditCatalog, boolean mayReleaseFormulas, boolean mayReleaseLocks, boolean mayManageAccounts,
        boolean mayReviewAudit, String csrfParameter, String csrfToken, boolean demo, long idleSeconds) {

    public boolean signedIn() {
        return username != null;
    }
}
