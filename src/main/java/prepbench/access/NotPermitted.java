package prepbench.access;

/**
 * The actor's role does not grant the permission an action needs; nothing changed.
 * Answered 403.
 */
public class NotPermitted extends RuntimeException {

    private final Permission permission;

    public NotPermitted(String username, Permission permission) {
        super("User " + username + " may not " + permission.what() + ". " + permission.askWhom());
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }

}
