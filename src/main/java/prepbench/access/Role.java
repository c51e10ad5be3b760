package prepbench.access;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static prepbench.access.Permission.DIAGNOSE;
import static prepbench.access.Permission.EDIT_CATALOG;
import static prepbench.access.Permission.ENTER_MANUAL_WEIGHT;
import static prepbench.access.Permission.MANAGE_ACCOUNTS;
import static prepbench.access.Permission.PREPARE;
import static prepbench.access.Permission.RECORD_TEST_RESULT;
import static prepbench.access.Permission.RELEASE_LOCK;
import static prepbench.access.Permission.REVIEW_AUDIT;
import static prepbench.access.Permission.SIGN_RELEASE;

/**
 * The product's roles and, in this one table, what each may do. Each role is granted as
 * the Spring Security authority {@code ROLE_<NAME>}.
 */
public enum Role {

    TECHNICIAN(PREPARE),
    LAB_LEAD(PREPARE, ENTER_MANUAL_WEIGHT, RELEASE_LOCK, EDIT_CATALOG, SIGN_RELEASE, DIAGNOSE, REVIEW_AUDIT,
            RECORD_TEST_RESULT),
    ADMIN(PREPARE, ENTER_MANUAL_WEIGHT, RELEASE_LOCK, EDIT_CATALOG, MANAGE_ACCOUNTS, DIAGNOSE, REVIEW_AUDIT,
            RECORD_TEST_RESULT),
    VIEWER();

    private static final String PREFIX = "ROLE_";

    private final Set<Permission> permissions;

    Role(Permission... permissions) {
        EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
        granted.addAll(Arrays.asList(permissions));
        this.permissions = Collections.unmodifiableSet(granted);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public String authority() {
        return PREFIX + name();
    }

    /**
     * The role as people and the API write it: {@code technician}, {@code lab_lead},
     * {@code admin}, {@code viewer}.
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role an authority ({@code ROLE_LAB_LEAD}) or a role's name ({@code LAB_LEAD})
     * stands for.
     */
    public static Optional<Role> of(String authorityOrName) {
        String name = authorityOrName.startsWith(PREFIX) ? authorityOrName.substring(PREFIX.length()) : authorityOrName;
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }

    /**
     * The names of the roles that grant a permission, for {@code hasAnyRole(…)} in the
     * filter chains.
     */
    public static String[] having(Permission permission) {
        return Arrays.stream(values())
            .filter(role -> role.permissions.contains(permission))
            .map(Role::name)
            .toArray(String[]::new);
    }

}
