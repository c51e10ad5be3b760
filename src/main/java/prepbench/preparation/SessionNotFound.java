package prepbench.preparation;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/** No preparation session has this id. */
public class SessionNotFound extends WordedRefusal {

    private static final Text TEXT = Text.of("refused.session.not-found");

    private final SessionId id;

    private SessionNotFound(SessionId id) {
        super(TEXT);
        this.id = id;
    }

    public static SessionNotFound forId(SessionId id) {
        return new SessionNotFound(id);
    }

    public SessionId id() {
        return id;
    }

}
