package prepbench.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A signed-in person acting: their username (as the records name them) and what their
 * roles let them do. Controllers receive one as a method argument; the modules' facades
 * check it before they change anything.
 */
public record Actor(String username, Set<Permission> permissions) {

    public Actor {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("An actor needs a username");
        }
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    /**
     * The actor with the permissions of the given roles, as authorities
     * ({@code ROLE_TECHNICIAN}) or names.
     */
    public static Actor withRoles(String username, Collection<String> roles) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String role : roles) {
            Role.of(role).ifPresent(known -> permissions.addAll(known.permissions()));
        }
        return new Actor(username, permissions);
    }

    public static Actor withRole(String username, Role role) {
        return new Actor(username, role.permissions());
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /**
     * @throws NotPermitted when the actor's roles do not grant the permission; nothing
     * has changed then
     */
    public void require(Permission permission) {
        if (!may(permission)) {
            throw new NotPermitted(username, permission);
        }
    }
}
