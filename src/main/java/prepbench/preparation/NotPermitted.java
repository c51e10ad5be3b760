package prepbench.preparation;

/** The user's role does not allow this action. */
public class NotPermitted extends RuntimeException {

    private NotPermitted(String message) {
        super(message);
    }

    static NotPermitted toEnterWeights(String username) {
        return new NotPermitted("User " + username + " may not enter weights by hand. Ask a lab lead.");
    }

    static NotPermitted toReleaseLocks(String username) {
        return new NotPermitted("User " + username + " may not release locks. Ask a lab lead.");
    }

    public static NotPermitted toPrepare(String username) {
        return new NotPermitted("User " + username + " may view preparations but not start them. "
                + "Ask a lab lead for a technician account.");
    }
}
