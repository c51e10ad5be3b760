package prepbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import prepbench.preparation.BatchSize;
import prepbench.preparation.InvalidBatch;
import prepbench.scales.Grams;

/**
 * The places that read a number a person typed agree (issue 14: two accepted a comma, two
 * refused it): a weight entered by hand and a batch size read "78,25" as no number, as
 * the catalogue's forms and files do (their refusals are in IngredientEntryTest,
 * CatalogPagesTest and FormulaFilesTest), and all read "78.25".
 */
class EveryNumberReadAlikeTest {

    @Test
    void aCommaIsNoDecimalSeparatorAnywhere() {
        assertThat(Grams.parse("78,25")).isNull();
        assertThat(Grams.parse("78.25")).isEqualByComparingTo("78.25");
        assertThatThrownBy(() -> BatchSize.parse("2,5", "kg")).isInstanceOf(InvalidBatch.class)
            .hasMessageContaining("with a dot as the decimal separator");
        assertThat(BatchSize.parse("2.5", "kg").amount()).isEqualByComparingTo("2.5");
        assertThatThrownBy(() -> BatchSize.parse("1,500", "g")).hasMessageContaining("no thousands separators");
    }

}
