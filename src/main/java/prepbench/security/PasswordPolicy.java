package prepbench.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import prepbench.entry.Text;

/**
 * What a password must be: at least {@code prepbench.password.min-length} (12)
 * characters, at most 72 bytes (all that bcrypt reads), not the username, and not one of
 * the most common passwords (a bundled list of about 49,000).
 */
@Component
class PasswordPolicy {

    static final int MAX_BYTES = 72;

    private final int minLength;

    private final Set<String> common;

    PasswordPolicy(@Value("${prepbench.password.min-length:12}") int minLength) {
        this.minLength = minLength;
        this.common = load();
    }

    int minLength() {
        return minLength;
    }

    /**
     * What is wrong with the password, in words for the person choosing it; empty when it
     * is acceptable.
     */
    Optional<Text> problem(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            return Optional.of(Text.of("admin.refused.password.too-short", minLength));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(Text.of("admin.refused.password.too-long", MAX_BYTES));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(Text.of("admin.refused.password.has-username"));
        }
        if (common.contains(lower)) {
            return Optional.of(Text.of("admin.refused.password.common"));
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>(64_000);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    passwords.add(line.toLowerCase(Locale.ROOT));
                }
            }
        }
        catch (IOException failed) {
            throw new UncheckedIOException("The bundled list of common passwords could not be read", failed);
        }
        return Set.copyOf(passwords);
    }

}
