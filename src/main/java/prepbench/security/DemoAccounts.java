package prepbench.security;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import prepbench.access.Role;

/**
 * The four demo accounts of the design, one per role, with public passwords: written only
 * with demo data on and only into an empty accounts table, so removing or changing them
 * sticks.
 */
@Component
@Order(5)
@ConditionalOnBooleanProperty("prepbench.demo-data")
class DemoAccounts implements ApplicationRunner {

    record Account(String username, String fullName, String password, Role role) {
    }

    static final List<Account> ACCOUNTS = List.of(new Account("admin", "Demo administrator", "admin123", Role.ADMIN),
            new Account("lablead", "Demo lab lead", "lablead123", Role.LAB_LEAD),
            new Account("technician", "Demo technician", "tech123", Role.TECHNICIAN),
            new Account("viewer", "Demo viewer", "viewer123", Role.VIEWER));

    private final AccountManagement accounts;

    DemoAccounts(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.anyAccount()) {
            ACCOUNTS.forEach(account -> accounts.createDemo(account.username(), account.fullName(), account.role(),
                    account.password()));
        }
    }

}
