package prepbench.scales.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's LISTEN/NOTIFY for one instance: one connection of its own (not the pool's,
 * whose connections are retired after their lifetime) listens on the channels, and a
 * thread hands each notification to the channel's handler; a lost connection is opened
 * again, and listens again, a second later. Notifications are sent through the pool.
 */
final class Notifications implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private static final Duration RETRY = Duration.ofSeconds(1);

    private static final Duration CHECK_EVERY = Duration.ofSeconds(3);

    static final String APPLICATION_NAME = "prepbench-listen";

    private final DataSource dataSource;

    private final String url;

    private final String username;

    private final String password;

    private final Map<String, Consumer<String>> handlers;

    private final Thread listener;

    private volatile boolean running = true;

    private volatile boolean listening;

    Notifications(DataSource dataSource, String url, String username, String password,
            Map<String, Consumer<String>> handlers) {
        this.dataSource = dataSource;
        this.url = url;
        this.username = username;
        this.password = password;
        this.handlers = Map.copyOf(handlers);
        this.listener = new Thread(this::listen, "cluster-listen");
        this.listener.setDaemon(true);
    }

    void start() {
        listener.start();
    }

    /** Whether the listening connection is open and listening now. */
    boolean listening() {
        return listening;
    }

    /**
     * Sends on a connection of its own, never the one of a transaction the caller may be
     * in: PostgreSQL delivers a notification when its transaction commits, and a command
     * sent from inside a preparation's transaction waits for its answer before that.
     */
    void send(String channel, String payload) {
        send(channel, List.of(payload));
    }

    /** Sends several notifications on one connection, in order. */
    void send(String channel, List<String> payloads) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            for (String payload : payloads) {
                statement.setString(1, channel);
                statement.setString(2, payload);
                statement.execute();
            }
        }
        catch (SQLException failed) {
            throw new NotificationFailed(channel, failed);
        }
    }

    /** A notification the database did not take. */
    static final class NotificationFailed extends RuntimeException {

        NotificationFailed(String channel, SQLException cause) {
            super("Could not notify on " + channel + ": " + cause.getMessage(), cause);
        }

    }

    private void listen() {
        while (running) {
            java.util.Properties connecting = new java.util.Properties();
            if (username != null) {
                connecting.setProperty("user", username);
            }
            if (password != null) {
                connecting.setProperty("password", password);
            }
            // what pg_stat_activity shows of it
            connecting.setProperty("ApplicationName", APPLICATION_NAME);
            try (Connection connection = DriverManager.getConnection(url, connecting)) {
                try (Statement statement = connection.createStatement()) {
                    for (String channel : handlers.keySet()) {
                        statement.execute("LISTEN " + channel);
                    }
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                listening = true;
                long checked = System.nanoTime();
                while (running) {
                    PGNotification[] arrived = notifications.getNotifications(250);
                    if (arrived == null || arrived.length == 0) {
                        // a quiet connection may be a dead one: asked every few seconds
                        if (System.nanoTime() - checked > CHECK_EVERY.toNanos()) {
                            checked = System.nanoTime();
                            if (!connection.isValid(1)) {
                                throw new SQLException("The listening connection is no longer valid");
                            }
                        }
                        continue;
                    }
                    for (PGNotification notification : arrived) {
                        handle(notification);
                    }
                }
            }
            catch (SQLException lost) {
                listening = false;
                if (running) {
                    log.warn("Cluster notifications: {}; listening again in {} s", lost.getMessage(),
                            RETRY.toSeconds());
                    sleep(RETRY);
                }
            }
        }
        listening = false;
    }

    private void handle(PGNotification notification) {
        Consumer<String> handler = handlers.get(notification.getName());
        if (handler == null) {
            return;
        }
        try {
            handler.accept(notification.getParameter());
        }
        catch (RuntimeException failed) {
            log.warn("Cluster notification on {} not handled: {}", notification.getName(), failed.toString());
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        listener.interrupt();
        try {
            listener.join(2000);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

}
