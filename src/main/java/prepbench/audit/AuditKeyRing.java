package prepbench.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the audit keys come from: {@code prepbench.audit.key} (the environment's
 * {@code PREPBENCH_AUDIT_KEY}), else the file {@code prepbench.audit.key-file}. A demo
 * station with neither creates a key file beside its database; a production station
 * refuses to start, saying how to create one.
 */
@Configuration(proxyBeanMethods = false)
class AuditKeyRing {

    private static final Logger log = LoggerFactory.getLogger(AuditKeyRing.class);

    static final String HOW_TO_CREATE = "Create a key file readable only by PrepBench's user, for example\n"
            + "    umask 077; printf 'k1 %s\\n' \"$(openssl rand -base64 32)\" > /etc/prepbench/audit.key\n"
            + "and set prepbench.audit.key-file=/etc/prepbench/audit.key (or PREPBENCH_AUDIT_KEY_FILE). Keep a copy "
            + "of it where the database's backups are not: without it the trail cannot be verified, and with it "
            + "anyone who can write the database could rewrite the trail. docs/audit-trail.md says more.";

    @Bean
    AuditKeys auditKeys(@Value("${prepbench.audit.key:}") String inline,
            @Value("${prepbench.audit.key-file:}") String keyFile, @Value("${prepbench.demo-data:false}") boolean demo,
            @Value("${prepbench.sync.token:}") String stationToken) {
        if (stationToken.isBlank()) {
            return load(inline, keyFile, demo);
        }
        return station(stationToken, inline, keyFile);
    }

    /**
     * A station's ring (issue 18): its token's key seals everything it writes, so central
     * can verify it; keys it had before (a key file, if there is one) still verify what
     * they sealed.
     */
    static AuditKeys station(String token, String inline, String keyFile) {
        AuditKeys.Key stationKey;
        try {
            stationKey = StationKeys.fromToken(token);
        }
        catch (IllegalArgumentException notAToken) {
            throw new MissingAuditKey(notAToken.getMessage() + ".", "Ask central's admin for a station token "
                    + "(POST /api/v1/stations on central) and set it as prepbench.sync.token. docs/sync.md says more.");
        }
        boolean hadKeys = !inline.isBlank() || (!keyFile.isBlank() && Files.exists(Path.of(keyFile)));
        return hadKeys ? load(inline, keyFile, false).sealingWith(stationKey) : AuditKeys.of(stationKey);
    }

    static AuditKeys load(String inline, String keyFile, boolean demo) {
        if (!inline.isBlank()) {
            return parsed(inline, "prepbench.audit.key");
        }
        if (keyFile.isBlank()) {
            throw new MissingAuditKey("PrepBench has no key to seal its audit trail with (prepbench.audit.key-file "
                    + "and prepbench.audit.key are not set).", HOW_TO_CREATE);
        }
        Path file = Path.of(keyFile).toAbsolutePath().normalize();
        if (Files.notExists(file)) {
            if (!demo) {
                throw new MissingAuditKey("The audit key file " + file + " does not exist, and "
                        + "only a demo station creates its own key.", HOW_TO_CREATE);
            }
            createDemoKey(file);
        }
        try {
            return parsed(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        }
        catch (IOException unreadable) {
            throw new MissingAuditKey("The audit key file " + file + " cannot be read: " + unreadable.getMessage(),
                    "Give PrepBench's user the right to read it. " + HOW_TO_CREATE);
        }
    }

    private static AuditKeys parsed(String text, String source) {
        try {
            return AuditKeys.parse(text, source);
        }
        catch (IllegalArgumentException notAKeyRing) {
            throw new MissingAuditKey("The audit key is not usable: " + notAKeyRing.getMessage() + ".", HOW_TO_CREATE);
        }
    }

    private static void createDemoKey(Path file) {
        String id = "demo-" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        try {
            Path directory = file.getParent();
            Files.createDirectories(directory);
            Files.writeString(file,
                    "# PrepBench demo station's audit key, created at its first start. A production "
                            + "station needs a key of its own: see docs/audit-trail.md.\n" + AuditKeys.newKeyLine(id),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions keeps its defaults
            }
            log.warn("Demo station: created the audit key {} in {}", id, file);
        }
        catch (FileAlreadyExistsException createdMeanwhile) {
            // another start created it first: read that one
        }
        catch (IOException failed) {
            throw new MissingAuditKey("The demo audit key could not be created at " + file + ": " + failed.getMessage(),
                    "Make its directory writable, or set prepbench.audit.key-file.");
        }
    }

}
