package prepbench.formulas;

/**
 * Checks an electronic signature: a user re-entering their own password. Implemented by
 * the security module against the stored password hash.
 */
public interface SignatureVerifier {

    /** Whether the password is the user's own. */
    boolean verify(String username, String password);

}
