package prepbench.access;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/**
 * The actor's role does not grant the permission an action needs; nothing changed.
 * Answered 403, in the reader's language ({@link #text()}); {@code getMessage()} is the
 * English.
 */
public class NotPermitted extends WordedRefusal {

    private final Permission permission;

    public NotPermitted(String username, Permission permission) {
        this(Text.of("access.not-permitted", username, permission.what(), permission.askWhom()), permission);
    }

    private NotPermitted(Text text, Permission permission) {
        super(text);
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }

}
