package prepbench.preparation;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** Who acts on a preparation, and what their role lets them do. */
public record Operator(String username, Set<Permission> permissions) {

    /** What a role allows at the bench. */
    public enum Permission {
        PREPARE, ENTER_MANUAL_WEIGHT, RELEASE_LOCK
    }

    public Operator {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("An operator needs a username");
        }
        permissions = Set.copyOf(permissions);
    }

    /**
     * The permissions of the product's roles: technicians prepare; lab leads and admins also enter weights by
     * hand and release locks; viewers only read.
     */
    public static Operator withRoles(String username, Collection<String> roles) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String role : roles) {
            switch (role.startsWith("ROLE_") ? role.substring(5) : role) {
                case "TECHNICIAN" -> permissions.add(Permission.PREPARE);
                case "LAB_LEAD", "ADMIN" -> permissions.addAll(EnumSet.allOf(Permission.class));
                default -> { }
            }
        }
        return new Operator(username, permissions);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }
}
