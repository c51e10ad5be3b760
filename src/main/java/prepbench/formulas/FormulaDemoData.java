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
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import prepbench.catalog.CatalogChanged;
import prepbench.catalog.IngredientManagement;
import prepbench.catalog.IngredientRef;

/**
 * Fills an empty database with a small perfumery and cosmetics lab's formulas,
 * {@code PRM00936} among them, made of the ingredients the catalogue's demo data writes
 * first. Runs only with {@code prepbench.demo-data=true} and only when there are no
 * formulas yet.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("prepbench.demo-data")
class FormulaDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FormulaDemoData.class);

    private record DemoLine(String ingredient, String fraction, ToleranceOverride tolerance) {
        DemoLine(String ingredient, String fraction) {
            this(ingredient, fraction, null);
        }
    }

    /**
     * The ingredients the demo formulas use, all written by the catalogue's demo data.
     */
    private static final List<String> DEMO_INGREDIENTS = List.of("ETH-001", "LIM-001", "LIN-001", "BER-001", "HED-001",
            "ISO-001", "GAL-001", "VAN-001", "WAT-001", "DPG-001", "GLY-001", "IPM-001", "CET-001");

    /**
     * The demo lab lead, named as the author of the demo catalogue's rows (not of its
     * audit events).
     */
    private static final String DEMO_AUTHOR = "lablead";

    private final JdbcClient jdbc;

    private final Clock clock;

    private final IngredientManagement catalog;

    private final FormulaVersions versions;

    private final FormulaChanges formulaChanges;

    FormulaDemoData(JdbcClient jdbc, Clock clock, IngredientManagement catalog, FormulaVersions versions,
            FormulaChanges formulaChanges) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.catalog = catalog;
        this.versions = versions;
        this.formulaChanges = formulaChanges;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM formula").query(Integer.class).single() > 0) {
            return;
        }
        Map<String, IngredientRef> ingredients = catalog.refs(DEMO_INGREDIENTS);
        if (ingredients.size() < DEMO_INGREDIENTS.size()) {
            log.warn("Demo data: no demo formulas written, since the catalogue lacks some of their ingredients ({})",
                    DEMO_INGREDIENTS.stream().filter(code -> !ingredients.containsKey(code)).toList());
            return;
        }
        formula(ingredients, "PRM00936", "Eau de parfum Citrus Bloom", "released", "100", "g",
                List.of(new DemoLine("ETH-001", "0.78", ToleranceOverride.absolute(new BigDecimal("0.5"))),
                        new DemoLine("LIM-001", "0.05"), new DemoLine("LIN-001", "0.04"),
                        new DemoLine("BER-001", "0.06"), new DemoLine("HED-001", "0.03"),
                        new DemoLine("ISO-001", "0.02"),
                        new DemoLine("GAL-001", "0.01",
                                new ToleranceOverride(null, null, new BigDecimal("2"), new BigDecimal("1"))),
                        new DemoLine("VAN-001", "0.01")));
        formula(ingredients, "PRM01204", "Room spray base (volume batches)", "released", "500", "mL",
                List.of(new DemoLine("ETH-001", "0.70"), new DemoLine("WAT-001", "0.25"),
                        new DemoLine("DPG-001", "0.03"), new DemoLine("LIM-001", "0.02")));
        formula(ingredients, "COS00217", "Hand cream base", "released", "1", "kg",
                List.of(new DemoLine("WAT-001", "0.72"), new DemoLine("GLY-001", "0.05"),
                        new DemoLine("CET-001", "0.08"), new DemoLine("IPM-001", "0.10"),
                        new DemoLine("DPG-001", "0.05")));
        formula(ingredients, "PRM01300", "Woody accord (draft, not released)", "draft", "50", "g",
                List.of(new DemoLine("ISO-001", "0.60"), new DemoLine("HED-001", "0.40")));
        recordInTheAuditTrail();
        log.info("Demo data: 4 formulas written");
    }

    /**
     * What the demo data wrote goes on record like any change, so that its chains vouch
     * for it: each formula version written ({@code DEMO_VERSION_WRITTEN}, with its status
     * and content; a demo release carries no signature, because no one signed it).
     */
    private void recordInTheAuditTrail() {
        Instant now = clock.instant();
        for (String code : List.of("PRM00936", "PRM01204", "COS00217", "PRM01300")) {
            for (FormulaVersion version : versions.versions(FormulaCode.of(code))) {
                formulaChanges.demoVersionWritten(now, CatalogChanged.DEMO_DATA, version);
            }
        }
    }

    private void formula(Map<String, IngredientRef> ingredients, String code, String name, String status, String amount,
            String unit, List<DemoLine> lines) {
        Instant now = clock.instant();
        UUID formulaId = UUID.randomUUID();
        UUID versionId = UUID.randomUUID();
        versions.insertFormula(formulaId, FormulaCode.of(code), name, DEMO_AUTHOR, now);
        versions.insertDraft(versionId, formulaId, 1, name, new BigDecimal(amount),
                BatchUnit.fromSymbol(unit).orElseThrow(), DEMO_AUTHOR, now);
        List<FormulaVersions.NewLine> newLines = new java.util.ArrayList<>();
        for (DemoLine line : lines) {
            newLines.add(new FormulaVersions.NewLine(newLines.size() + 1, ingredients.get(line.ingredient()).id(),
                    new BigDecimal(line.fraction()), line.tolerance()));
        }
        versions.replaceLines(versionId, newLines);
        if (status.equals("released")) {
            versions.release(versionId, formulaId, DEMO_AUTHOR, FormulaManagement.RELEASE_MEANING, now);
        }
    }

}
