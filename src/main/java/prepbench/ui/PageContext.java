package prepbench.ui;

/**
 * What every page's layout needs: who is signed in and the CSRF token its forms send.
 *
 * @param username null on pages shown to anonymous visitors (login, some errors)
 */
public record PageContext(String username, String roles, boolean mayPrepare, boolean mayDiagnose,
        boolean mayEditCatalog, boolean mayReleaseFormulas, String csrfParameter, String csrfToken) {

    public boolean signedIn() {
        return username != null;
    }
}
