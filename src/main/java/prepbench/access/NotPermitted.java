package prepbench.access;

import prepbench.entry.Text;
import prepbench.entry.Worded;

/**
 * The actor's role does not grant the permission an action needs; nothing changed.
 * Answered 403, in the reader's language ({@link #text()}); {@code getMessage()} is the
 * English.
 */
public class NotPermitted extends RuntimeException implements Worded {

    private final Permission permission;

    private final transient Text text;

    public NotPermitted(String username, Permission permission) {
        this(Text.of("access.not-permitted", username, permission.what(), permission.askWhom()), permission);
    }

    private NotPermitted(Text text, Permission permission) {
        super(text.english());
        this.permission = permission;
        this.text = text;
    }

    public Permission permission() {
        return permission;
    }

    @Override
    public Text text() {
        return text;
    }

}
