package prepbench.preparation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import prepbench.preparation.Operator.Permission;

class OperatorTest {

    @Test
    void technicianPreparesButNeitherWeighsByHandNorReleasesLocks() {
        Operator technician = Operator.withRoles("tina", List.of("ROLE_TECHNICIAN"));

        assertThat(technician.permissions()).containsExactly(Permission.PREPARE);
    }

    @Test
    void labLeadAndAdminMayDoEverything() {
        assertThat(Operator.withRoles("lee", List.of("ROLE_LAB_LEAD")).permissions()).containsExactlyInAnyOrder(Permission.values());
        assertThat(Operator.withRoles("ada", List.of("ROLE_ADMIN")).permissions()).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void viewerMayNotPrepare() {
        assertThat(Operator.withRoles("vera", List.of("ROLE_VIEWER")).may(Permission.PREPARE)).isFalse();
        assertThat(Operator.withRoles("nobody", List.of()).permissions()).isEmpty();
    }
}
