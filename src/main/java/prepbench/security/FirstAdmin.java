package prepbench.security;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first start of a station without demo data and without any account creates
 * {@code admin}, with the password from {@code prepbench.initial-admin-password}
 * ({@code PREPBENCH_INITIAL_ADMIN_PASSWORD}) or, when it is not set, a random one written
 * once to the log. Either must be changed at the first sign-in.
 */
@Component
@Order(4)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AccountManagement accounts;

    private final boolean demo;

    private final String initialPassword;

    private final boolean station;

    FirstAdmin(AccountManagement accounts, @Value("${prepbench.demo-data:false}") boolean demo,
            @Value("${prepbench.initial-admin-password:}") String initialPassword,
            @Value("${prepbench.sync.central-url:}") String centralUrl) {
        this.accounts = accounts;
        this.demo = demo;
        // a station's accounts are central's (issue 18)
        this.station = !centralUrl.isBlank();
        this.initialPassword = initialPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo || station || accounts.anyAccount()) {
            return;
        }
        if (initialPassword.isBlank()) {
            String password = random(20);
            accounts.createFirstAdmin(password);
            log.warn("No account existed: created 'admin' with the one-time password {} ; sign in with it at once "
                    + "and choose your own (it is not shown again).", password);
        }
        else {
            accounts.createFirstAdmin(initialPassword);
            log.warn("No account existed: created 'admin' with the password of prepbench.initial-admin-password; "
                    + "it must be changed at the first sign-in.");
        }
    }

    static String random(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

}
