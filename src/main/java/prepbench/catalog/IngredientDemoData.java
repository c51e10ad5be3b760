package prepbench.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty catalogue with the ingredients of a small perfumery and cosmetics lab,
 * which the demo formulas use. Runs only with {@code prepbench.demo-data=true} and only
 * when there are no ingredients yet; what it writes goes on record like any change
 * ({@code INGREDIENT_CREATED} by {@value CatalogChanged#DEMO_DATA}).
 */
@Component
@Order(9)
@ConditionalOnBooleanProperty("prepbench.demo-data")
class IngredientDemoData implements ApplicationRunner {

    /**
     * The demo lab lead, named as the author of the demo catalogue's rows (not of its
     * audit events).
     */
    private static final String DEMO_AUTHOR = "lablead";

    private static final Logger log = LoggerFactory.getLogger(IngredientDemoData.class);

    private record DemoIngredient(String code, String name, String cas, String primaryCode, String parser,
            String density, List<String> alternatives) {
    }

    private static final List<DemoIngredient> INGREDIENTS = List.of(
            new DemoIngredient("ETH-001", "Ethanol 96 % (perfumer's alcohol)", "64-17-5", "ING-ETH-001", "plain",
                    "0.789", List.of("4006381333931")),
            new DemoIngredient("LIM-001", "d-Limonene", "5989-27-5", "ING-LIM-001", "plain", "0.841", List.of()),
            new DemoIngredient("LIN-001", "Linalool", "78-70-6", "09506000134352", "gs1", "0.858", List.of()),
            new DemoIngredient("BER-001", "Bergamot oil FCF", "8007-75-8", "BER-001", "kv", "0.876", List.of()),
            new DemoIngredient("HED-001", "Hedione (methyl dihydrojasmonate)", "24851-98-7", "ING-HED-001", "plain",
                    "0.998", List.of("HEDIONE")),
            new DemoIngredient("ISO-001", "Iso E Super", "54464-57-2", "ING-ISO-001", "plain", "0.960", List.of()),
            new DemoIngredient("GAL-001", "Galaxolide 50 % in IPM", "1222-05-5", "ING-GAL-001", "plain", "1.044",
                    List.of()),
            new DemoIngredient("VAN-001", "Vanillin", "121-33-5", "ING-VAN-001", "plain", null, List.of()),
            new DemoIngredient("WAT-001", "Purified water", "7732-18-5", "ING-WAT-001", "plain", "1.000", List.of()),
            new DemoIngredient("DPG-001", "Dipropylene glycol", "25265-71-8", "ING-DPG-001", "plain", "1.023",
                    List.of()),
            new DemoIngredient("GLY-001", "Glycerin", "56-81-5", "ING-GLY-001", "plain", "1.261", List.of()),
            new DemoIngredient("IPM-001", "Isopropyl myristate", "110-27-0", "ING-IPM-001", "plain", "0.853",
                    List.of()),
            new DemoIngredient("CET-001", "Cetearyl alcohol", "67762-27-0", "ING-CET-001", "plain", null, List.of()));

    private final JdbcClient jdbc;

    private final Clock clock;

    private final Ingredients ingredients;

    private final ApplicationEventPublisher events;

    IngredientDemoData(JdbcClient jdbc, Clock clock, Ingredients ingredients, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ingredients = ingredients;
        this.events = events;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM ingredient").query(Integer.class).single() > 0) {
            return;
        }
        Instant now = clock.instant();
        UUID limonene = null;
        for (DemoIngredient demo : INGREDIENTS) {
            UUID id = UUID.randomUUID();
            // bergamot oil's lot and expiry must be on record: its bare code value on the
            // container makes the bench ask
            ingredients.insert(id,
                    new IngredientEntry(demo.code(), demo.name(), demo.cas(), demo.primaryCode(), demo.alternatives(),
                            "", demo.parser(), demo.density(), true, demo.code().equals("BER-001"), null)
                        .validate(),
                    DEMO_AUTHOR, now);
            limonene = demo.code().equals("LIM-001") ? id : limonene;
        }
        // a container code scanned at the bench that no ingredient knew: waiting for a
        // lab lead on /ingredients
        ingredients.proposeAlias(limonene, "4012345678901", "technician", now);
        for (DemoIngredient demo : INGREDIENTS) {
            Ingredient ingredient = ingredients.find(IngredientCode.tryParse(demo.code()).orElseThrow()).orElseThrow();
            events.publishEvent(new CatalogChanged(now, CatalogChanged.DEMO_DATA, CatalogChanged.INGREDIENT,
                    demo.code(), "INGREDIENT_CREATED", IngredientManagement.recordedFields(ingredient)));
        }
        log.info("Demo data: {} ingredients written", INGREDIENTS.size());
    }

}
