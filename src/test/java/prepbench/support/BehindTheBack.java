package prepbench.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Changes to the database that PrepBench never makes, as someone with the database
 * owner's rights could make them behind its back: the audit trail's append-only trigger
 * is set aside for the change, and put back after it, so that tests can show the change
 * is still found.
 */
public final class BehindTheBack {

    private BehindTheBack() {
    }

    public static void changeAuditTrail(DataSource dataSource, Runnable change) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean h2 = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2");
            statement.execute(h2 ? "DROP TRIGGER audit_event_append_only"
                    : "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            try {
                change.run();
            }
            finally {
                statement.execute(h2
                        ? "CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event "
                                + "FOR EACH ROW CALL 'prepbench.database.AppendOnly'"
                        : "ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
            }
        }
        catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

}
