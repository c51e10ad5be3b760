package prepbench.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class ActorTest {

    @Test
    void aTechnicianPreparesAndNothingMore() {
        Actor technician = Actor.withRoles("tina", List.of("ROLE_TECHNICIAN"));
        assertThat(technician.permissions()).containsExactly(Permission.PREPARE);
        assertThatThrownBy(() -> technician.require(Permission.ENTER_MANUAL_WEIGHT)).isInstanceOf(NotPermitted.class)
            .hasMessage("User tina may not enter weights by hand. Ask a lab lead.")
            .extracting(refusal -> ((NotPermitted) refusal).permission())
            .isEqualTo(Permission.ENTER_MANUAL_WEIGHT);
    }

    @Test
    void onlyLabLeadsSignReleasesAndOnlyAdminsManageAccounts() {
        Actor lead = Actor.withRoles("lee", List.of("ROLE_LAB_LEAD"));
        Actor admin = Actor.withRoles("ada", List.of("ROLE_ADMIN"));
        assertThat(lead.permissions()).isEqualTo(EnumSet.complementOf(EnumSet.of(Permission.MANAGE_ACCOUNTS)));
        assertThat(admin.permissions()).isEqualTo(EnumSet.complementOf(EnumSet.of(Permission.SIGN_RELEASE)));
    }

    @Test
    void viewersAndUnknownRolesMayDoNothingButRead() {
        assertThat(Actor.withRoles("vera", List.of("ROLE_VIEWER")).permissions()).isEmpty();
        assertThat(Actor.withRoles("nobody", List.of()).permissions()).isEmpty();
        assertThat(Actor.withRoles("odd", List.of("ROLE_SUPERUSER", "PERMISSION_PREPARE")).permissions()).isEmpty();
    }

    @Test
    void rolesAddUpAndNamesWorkWithOrWithoutThePrefix() {
        assertThat(Actor.withRoles("two", List.of("TECHNICIAN", "ROLE_VIEWER")).may(Permission.PREPARE)).isTrue();
        assertThat(Actor.withRole("ada", Role.ADMIN).may(Permission.MANAGE_ACCOUNTS)).isTrue();
    }

    /**
     * The filter chains ask the same table: the roles named for a permission are exactly
     * those granting it.
     */
    @Test
    void theFilterChainsRolesForAPermissionAreTheTablesOwn() {
        for (Permission permission : Permission.values()) {
            for (Role role : Role.values()) {
                assertThat(List.of(Role.having(permission)).contains(role.name()))
                    .as("%s in having(%s)", role, permission)
                    .isEqualTo(role.permissions().contains(permission));
            }
        }
        assertThat(Role.having(Permission.SIGN_RELEASE)).containsExactly("LAB_LEAD");
        assertThat(Role.having(Permission.MANAGE_ACCOUNTS)).containsExactly("ADMIN");
    }

    @Test
    void everyRefusalSaysWhomToAsk() {
        for (Permission permission : Permission.values()) {
            assertThat(new NotPermitted("x", permission).getMessage()).startsWith("User x may not ").contains("Ask ");
        }
    }

}
