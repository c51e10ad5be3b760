package prepbench.database;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * The embedded database's guard of the audit trail: H2 calls it before any {@code UPDATE}
 * or {@code DELETE} of an {@code audit_event} row, and it refuses, whoever asks (the
 * PostgreSQL migration does the same with a trigger function). Events are only ever
 * added; a correction is a new event.
 */
public final class AppendOnly implements Trigger {

    /** The SQLSTATE of the refusal: insufficient privilege. */
    static final String REFUSED = "42501";

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("The audit trail is append-only: audit_event rows are never updated or deleted.",
                REFUSED);
    }

}
