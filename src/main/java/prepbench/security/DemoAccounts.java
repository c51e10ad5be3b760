package prepbench.security;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;

/** The four demo accounts of the design, one per role; created only when missing and only with demo data on. */
@Component
@Order(5)
@ConditionalOnBooleanProperty("prepbench.demo-data")
class DemoAccounts implements ApplicationRunner {

    private record Account(String username, String password, Role role) {
    }

    private static final List<Account> ACCOUNTS = List.of(
            new Account("admin", "admin123", Role.ADMIN),
            new Account("lablead", "lablead123", Role.LAB_LEAD),
            new Account("technician", "tech123", Role.TECHNICIAN),
            new Account("viewer", "viewer123", Role.VIEWER));

    private final JdbcUserDetailsManager users;
    private final PasswordEncoder passwords;

    DemoAccounts(JdbcUserDetailsManager users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Account account : ACCOUNTS) {
            if (!users.userExists(account.username())) {
                users.createUser(User.withUsername(account.username())
                        .password(passwords.encode(account.password()))
                        .authorities(account.role().authority())
                        .build());
            }
        }
    }
}
