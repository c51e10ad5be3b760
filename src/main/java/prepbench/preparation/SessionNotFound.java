package prepbench.preparation;

/** No preparation session has this id. */
public class SessionNotFound extends RuntimeException {

    private final SessionId id;

    private SessionNotFound(SessionId id) {
        super("Preparation not found.");
        this.id = id;
    }

    public static SessionNotFound forId(SessionId id) {
        return new SessionNotFound(id);
    }

    public SessionId id() {
        return id;
    }

}
