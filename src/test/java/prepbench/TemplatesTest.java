package prepbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The pages' templates are compiled by JTE into {@code gg.jte.generated}, outside
 * {@code prepbench}, where no module check sees them: this one does. A template is given
 * view records by its controller and never reaches a module's facade (it would be calling
 * the domain while rendering) or the preparation aggregate (it would render a session
 * that may change under it, and could call its rules).
 */
class TemplatesTest {

    private final JavaClasses templates = new ClassFileImporter().importPackages("gg.jte.generated");

    @Test
    void templatesNeverReachAFacade() {
        noClasses().that()
            .resideInAPackage("gg.jte.generated..")
            .should()
            .dependOnClassesThat()
            .haveNameMatching(
                    "prepbench\\.(formulas\\.(FormulaManagement|IngredientManagement|FormulaCatalog|FormulaImport)"
                            + "|transfer\\.FormulaTransfer"
                            + "|preparation\\.(PreparationManagement|PreparationSession)|audit\\.(AuditTrail|AuditReview)"
                            + "|security\\.(AccountManagement|TokenManagement)|scales\\.BenchManagement|samples\\.SampleRegister|records\\.BatchRecords)")
            .because("templates render the view records their controllers give them")
            .check(templates);
    }

    @Test
    void theTemplatesAreThere() {
        org.assertj.core.api.Assertions.assertThat(templates)
            .as("the precompiled templates are on the classpath")
            .hasSizeGreaterThan(20);
    }

}
