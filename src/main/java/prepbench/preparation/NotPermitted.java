package prepbench.preparation;

/** The user's role does not allow this action. */
public class NotPermitted extends RuntimeException {

    private NotPermitted(String message) {
        super(message);
    }

    static NotPermitted toPrepare(String username) {
        return new NotPermitted("User " + username + " may view preparations but not start them. "
                + "Ask a lab lead for a technician account.");
    }
}
