package prepbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import prepbench.audit.AuditTrail;

/**
 * An embedded database written by the PrepBench that ran on H2 2.4.240 opens on the H2
 * PrepBench uses now, its migration history validates, its data reads back and it takes
 * new writes. The fixture ({@code fixtures/prepbench-h2-2.4.240.zip}) is the
 * {@code ./data/prepbench.mv.db} of commit b9cf535 started with demo data, in which
 * {@code lablead} started PRM00936 at bench-1 and captured step 1 (78 g of ethanol)
 * through the API, then stopped.
 */
@SpringBootTest
@AutoConfigureMockMvc
class H2UpgradeTest {

    private static final UUID PREPARATION = UUID.fromString("7211561b-167f-4ab7-a468-40a9cdf6386d");

    @DynamicPropertySource
    static void databaseWrittenBy240(DynamicPropertyRegistry registry) throws IOException {
        Path directory = Files.createTempDirectory("prepbench-h2-upgrade");
        try (InputStream zipped = H2UpgradeTest.class.getResourceAsStream("/fixtures/prepbench-h2-2.4.240.zip");
                ZipInputStream zip = new ZipInputStream(zipped)) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("prepbench.mv.db");
            Files.copy(zip, directory.resolve("prepbench.mv.db"));
        }
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + directory.resolve("prepbench")
                + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    Flyway flyway;

    @Autowired
    MockMvc mvc;

    @Test
    void opensMigratesAndKeepsTheDataOfADatabaseWrittenByH2240() throws Exception {
        assertThat(flyway.info().pending()).as("every migration applied").isEmpty();
        flyway.validate();
        assertThat(flyway.info().applied()).as("versions 1 to 3 from before, then every newer one")
            .hasSizeGreaterThanOrEqualTo(3)
            .allMatch(migration -> migration.getState().isApplied() && !migration.getState().isFailed());

        assertThat(jdbc.sql("SELECT operator || ' ' || status || ' ' || bench FROM preparation_session WHERE id = :id")
            .param("id", PREPARATION)
            .query(String.class)
            .single()).isEqualTo("lablead in_progress bench-1");
        assertThat(jdbc.sql("SELECT captured_g FROM preparation_step WHERE session_id = :id AND sequence_no = 1")
            .param("id", PREPARATION)
            .query(java.math.BigDecimal.class)
            .single()).isEqualByComparingTo("78");
        var chain = audit.verifySession(PREPARATION);
        assertThat(chain.intact()).as(chain.problem()).isTrue();
        assertThat(chain.events()).as("started, scanned, captured, and sealed at migration").isEqualTo(4);
        var sealed = audit.forSession(PREPARATION).get(3);
        assertThat(sealed.action()).isEqualTo("CHAIN_SEALED");
        assertThat(sealed.keyId()).isEqualTo("test-1");
        assertThat(sealed.payload()).contains("\"sealedAtMigration\":true", "\"sealedEvents\":3");
        assertThat(audit.forSession(PREPARATION).subList(0, 3)).as("recorded before the trail was keyed")
            .allMatch(event -> event.keyId() == null);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM formula").query(Integer.class).single())
            .as("the demo formulas, not written a second time")
            .isEqualTo(4);

        mvc.perform(post("/api/v1/preparations").with(user("technician").roles("TECHNICIAN"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"formulaCode\":\"PRM01204\",\"bench\":\"bench-2\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.attemptNo").value(1));
    }

}
