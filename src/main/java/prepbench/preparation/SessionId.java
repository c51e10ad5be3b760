package prepbench.preparation;

import java.util.UUID;

/** The identity of a preparation session: a UUID. */
public record SessionId(UUID value) {

    public SessionId {
        if (value == null) {
            throw new IllegalArgumentException("A session id is required");
        }
    }

    /** Parses an id as typed or taken from a URL; refuses anything that is not a UUID. */
    public static SessionId parse(String text) {
        if (text == null || text.length() != 36) {
            throw InvalidSessionId.of(text);
        }
        try {
            return new SessionId(UUID.fromString(text));
        }
        catch (IllegalArgumentException notUuid) {
            throw InvalidSessionId.of(text);
        }
    }

    public static SessionId random() {
        return new SessionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
