package prepbench.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import prepbench.entry.InvalidEntry;

class IngredientEntryTest {

    private static IngredientEntry entry(String code, String cas, String primary, List<String> alternatives,
            String symbologies, String parser, String density) {
        return new IngredientEntry(code, "Linalool", cas, primary, alternatives, symbologies, parser, density, true,
                false, null);
    }

    @Test
    void canonicalisesCodesCodeValuesSymbologiesAndParser() {
        IngredientEntry.Valid valid = entry(" lin-002 ", "78-70-6", "ing-lin-002", List.of("alt-1", " ", "alt-2"),
                "]Q1, d2 ,Q1", "PLAIN", "0.858")
            .validate();

        assertThat(valid.code().value()).isEqualTo("LIN-002");
        assertThat(valid.primaryCodeValue()).isEqualTo("ING-LIN-002");
        assertThat(valid.alternativeCodeValues()).containsExactly("ALT-1", "ALT-2");
        assertThat(valid.allowedSymbologies()).isEqualTo("Q1,d2");
        assertThat(valid.parser()).isEqualTo("plain");
        assertThat(valid.density()).isEqualByComparingTo("0.858");
        assertThat(valid.casNumber().value()).isEqualTo("78-70-6");
    }

    @Test
    void namesEveryWrongFieldAtOnce() {
        IngredientEntry bad = new IngredientEntry("no spaces", "", "78-70-7", "two words", List.of("A", "a"), "Q1,??",
                "xml", "0", true, false, null);

        assertThatThrownBy(bad::validate).isInstanceOfSatisfying(InvalidEntry.class,
                invalid -> assertThat(invalid.problems()).containsOnlyKeys("code", "name", "casNumber",
                        "primaryCodeValue", "alternativeCodeValues", "allowedSymbologies", "parser", "density"));
    }

    @Test
    void aDensityMustBeAboveZeroAndPlausible() {
        for (String density : List.of("0", "0.000", "-1", "26", "1,05", "0.1234567", "abc")) {
            assertThatThrownBy(() -> entry("X1", "", "V1", List.of(), "", "plain", density).validate()).as(density)
                .isInstanceOfSatisfying(InvalidEntry.class,
                        invalid -> assertThat(invalid.problems()).containsOnlyKeys("density"));
        }
        assertThat(entry("X1", "", "V1", List.of(), "", "plain", "").validate().density()).isNull();
    }

    @Test
    void aGs1IngredientIsIdentifiedByItsGtin() {
        assertThatThrownBy(() -> entry("X1", "", "ING-X1", List.of(), "", "gs1", "").validate()).isInstanceOfSatisfying(
                InvalidEntry.class,
                invalid -> assertThat(invalid.problem("primaryCodeValue")).contains("14-digit GTIN"));
        assertThat(entry("X1", "", "09506000134352", List.of(), "", "gs1", "").validate().parser()).isEqualTo("gs1");
    }

    @Test
    void codeValuesAreWhatABarcodeCarries() {
        for (String value : List.of("STRAßE", "ÉTÉ-1", "TWO WORDS", "TAB\tX", "X".repeat(129))) {
            assertThatThrownBy(() -> entry("X1", "", value, List.of(), "", "plain", "").validate()).as(value)
                .isInstanceOfSatisfying(InvalidEntry.class,
                        invalid -> assertThat(invalid.problems()).containsOnlyKeys("primaryCodeValue"));
        }
        assertThat(entry("X1", "", "http://x.example/a?b=1;c%20", List.of(), "", "plain", "").validate()
            .primaryCodeValue()).isEqualTo("HTTP://X.EXAMPLE/A?B=1;C%20");
    }

    @Test
    void allowedSymbologiesFitTheirColumn() {
        String many = String.join(",",
                java.util.stream.IntStream.range(0, 10)
                    .boxed()
                    .flatMap(n -> java.util.stream.Stream.of("Q" + n, "C" + n, "d" + n))
                    .toList());
        assertThatThrownBy(() -> entry("X1", "", "V1", List.of(), many, "plain", "").validate()).isInstanceOfSatisfying(
                InvalidEntry.class,
                invalid -> assertThat(invalid.problem("allowedSymbologies")).contains("At most 64"));
    }

}
