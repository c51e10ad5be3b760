package prepbench.preparation;

import prepbench.entry.Text;
import prepbench.entry.Worded;

/** No preparation session has this id. */
public class SessionNotFound extends RuntimeException implements Worded {

    private static final Text TEXT = Text.of("refused.session.not-found");

    private final SessionId id;

    private SessionNotFound(SessionId id) {
        super(TEXT.english());
        this.id = id;
    }

    public static SessionNotFound forId(SessionId id) {
        return new SessionNotFound(id);
    }

    public SessionId id() {
        return id;
    }

    @Override
    public Text text() {
        return TEXT;
    }

}
