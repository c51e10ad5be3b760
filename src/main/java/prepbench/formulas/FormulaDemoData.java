package prepbench.formulas;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * Fills an empty database with a small perfumery and cosmetics lab: a dozen ingredients and released formulas,
 * {@code PRM00936} among them. Runs only with {@code prepbench.demo-data=true} and only when there are no
 * formulas yet.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("prepbench.demo-data")
class FormulaDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FormulaDemoData.class);

    private record DemoIngredient(String code, String name, String cas, String primaryCode, String parser,
            String density, List<String> alternatives) {
    }

    private record DemoLine(String ingredient, String fraction, ToleranceOverride tolerance) {
        DemoLine(String ingredient, String fraction) {
            this(ingredient, fraction, null);
        }
    }

    private static final List<DemoIngredient> INGREDIENTS = List.of(
            new DemoIngredient("ETH-001", "Ethanol 96 % (perfumer's alcohol)", "64-17-5", "ING-ETH-001", "plain", "0.789", List.of("4006381333931")),
            new DemoIngredient("LIM-001", "d-Limonene", "5989-27-5", "ING-LIM-001", "plain", "0.841", List.of()),
            new DemoIngredient("LIN-001", "Linalool", "78-70-6", "09506000134352", "gs1", "0.858", List.of()),
            new DemoIngredient("BER-001", "Bergamot oil FCF", "8007-75-8", "BER-001", "kv", "0.876", List.of()),
            new DemoIngredient("HED-001", "Hedione (methyl dihydrojasmonate)", "24851-98-7", "ING-HED-001", "plain", "0.998", List.of("HEDIONE")),
            new DemoIngredient("ISO-001", "Iso E Super", "54464-57-2", "ING-ISO-001", "plain", "0.960", List.of()),
            new DemoIngredient("GAL-001", "Galaxolide 50 % in IPM", "1222-05-5", "ING-GAL-001", "plain", "1.044", List.of()),
            new DemoIngredient("VAN-001", "Vanillin", "121-33-5", "ING-VAN-001", "plain", null, List.of()),
            new DemoIngredient("WAT-001", "Purified water", "7732-18-5", "ING-WAT-001", "plain", "1.000", List.of()),
            new DemoIngredient("DPG-001", "Dipropylene glycol", "25265-71-8", "ING-DPG-001", "plain", "1.023", List.of()),
            new DemoIngredient("GLY-001", "Glycerin", "56-81-5", "ING-GLY-001", "plain", "1.261", List.of()),
            new DemoIngredient("IPM-001", "Isopropyl myristate", "110-27-0", "ING-IPM-001", "plain", "0.853", List.of()),
            new DemoIngredient("CET-001", "Cetearyl alcohol", "67762-27-0", "ING-CET-001", "plain", null, List.of()));

    /** Who the demo data's audit events name: no person wrote it, and no one signed its releases. */
    static final String DEMO_DATA = "demo-data";

    /** The demo lab lead, named as the author of the demo catalogue's rows (not of its audit events). */
    private static final String DEMO_AUTHOR = "lablead";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Ingredients ingredientRows;
    private final FormulaVersions versions;
    private final ApplicationEventPublisher events;
    private final FormulaChanges formulaChanges;

    FormulaDemoData(JdbcClient jdbc, Clock clock, Ingredients ingredientRows, FormulaVersions versions,
            ApplicationEventPublisher events, FormulaChanges formulaChanges) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ingredientRows = ingredientRows;
        this.versions = versions;
        this.events = events;
        this.formulaChanges = formulaChanges;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM formula").query(Integer.class).single() > 0) {
            return;
        }
        Instant now = clock.instant();
        Map<String, UUID> ingredients = new java.util.HashMap<>();
        // bergamot oil's lot and expiry must be on record: its bare code value on the container makes the bench ask
        INGREDIENTS.forEach(ingredient -> ingredients.put(ingredient.code(),
                insert(ingredient, ingredient.code().equals("BER-001"), now)));

        formula(ingredients, "PRM00936", "Eau de parfum Citrus Bloom", "released", "100", "g", List.of(
                new DemoLine("ETH-001", "0.78", ToleranceOverride.absolute(new BigDecimal("0.5"))),
                new DemoLine("LIM-001", "0.05"),
                new DemoLine("LIN-001", "0.04"),
                new DemoLine("BER-001", "0.06"),
                new DemoLine("HED-001", "0.03"),
                new DemoLine("ISO-001", "0.02"),
                new DemoLine("GAL-001", "0.01", new ToleranceOverride(null, null, new BigDecimal("2"), new BigDecimal("1"))),
                new DemoLine("VAN-001", "0.01")));
        formula(ingredients, "PRM01204", "Room spray base (volume batches)", "released", "500", "mL", List.of(
                new DemoLine("ETH-001", "0.70"),
                new DemoLine("WAT-001", "0.25"),
                new DemoLine("DPG-001", "0.03"),
                new DemoLine("LIM-001", "0.02")));
        formula(ingredients, "COS00217", "Hand cream base", "released", "1", "kg", List.of(
                new DemoLine("WAT-001", "0.72"),
                new DemoLine("GLY-001", "0.05"),
                new DemoLine("CET-001", "0.08"),
                new DemoLine("IPM-001", "0.10"),
                new DemoLine("DPG-001", "0.05")));
        formula(ingredients, "PRM01300", "Woody accord (draft, not released)", "draft", "50", "g", List.of(
                new DemoLine("ISO-001", "0.60"),
                new DemoLine("HED-001", "0.40")));
        // a container code scanned at the bench that no ingredient knew: waiting for a lab lead on /ingredients
        ingredientRows.proposeAlias(ingredients.get("LIM-001"), "4012345678901", "technician", now);
        recordInTheAuditTrail();
        log.info("Demo data: {} ingredients and 4 formulas written", INGREDIENTS.size());
    }

    /**
     * What the demo data wrote goes on record like any change, so that its chains vouch for it: each ingredient
     * created, and each formula version written ({@code DEMO_VERSION_WRITTEN}, with its status and content; a demo
     * release carries no signature, because no one signed it).
     */
    private void recordInTheAuditTrail() {
        Instant now = clock.instant();
        for (DemoIngredient demo : INGREDIENTS) {
            Ingredient ingredient = ingredientRows.find(IngredientCode.tryParse(demo.code()).orElseThrow()).orElseThrow();
            events.publishEvent(new CatalogChanged(now, DEMO_DATA, CatalogChanged.INGREDIENT, demo.code(),
                    "INGREDIENT_CREATED", IngredientManagement.recordedFields(ingredient)));
        }
        for (String code : List.of("PRM00936", "PRM01204", "COS00217", "PRM01300")) {
            for (FormulaVersion version : versions.versions(FormulaCode.of(code))) {
                formulaChanges.demoVersionWritten(now, DEMO_DATA, version);
            }
        }
    }

    private UUID insert(DemoIngredient ingredient, boolean lotRequired, Instant at) {
        UUID id = UUID.randomUUID();
        ingredientRows.insert(id, new IngredientEntry(ingredient.code(), ingredient.name(), ingredient.cas(),
                ingredient.primaryCode(), ingredient.alternatives(), "", ingredient.parser(), ingredient.density(),
                true, lotRequired, null).validate(), DEMO_AUTHOR, at);
        return id;
    }

    private void formula(Map<String, UUID> ingredients, String code, String name, String status, String amount,
            String unit, List<DemoLine> lines) {
        Instant now = clock.instant();
        UUID formulaId = UUID.randomUUID();
        UUID versionId = UUID.randomUUID();
        versions.insertFormula(formulaId, FormulaCode.of(code), name, DEMO_AUTHOR, now);
        versions.insertDraft(versionId, formulaId, 1, name, new BigDecimal(amount),
                BatchUnit.fromSymbol(unit).orElseThrow(), DEMO_AUTHOR, now);
        List<FormulaVersions.NewLine> newLines = new java.util.ArrayList<>();
        for (DemoLine line : lines) {
            newLines.add(new FormulaVersions.NewLine(newLines.size() + 1, ingredients.get(line.ingredient()),
                    new BigDecimal(line.fraction()), line.tolerance()));
        }
        versions.replaceLines(versionId, newLines);
        if (status.equals("released")) {
            versions.release(versionId, formulaId, DEMO_AUTHOR, FormulaManagement.RELEASE_MEANING, now);
        }
    }
}
