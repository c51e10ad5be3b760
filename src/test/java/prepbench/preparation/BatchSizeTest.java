package prepbench.preparation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import prepbench.formulas.BatchUnit;

class BatchSizeTest {

    @ParameterizedTest
    @CsvSource({ "100, g, 100, G", "2.5, kg, 2.5, KG", "'2.5', KG, 2.5, KG", "' 250 ', ml, 250, ML", "1, L, 1, L",
            "750, mg, 750, MG" })
    void parsesAmountAndUnit(String amount, String unit, String expectedAmount, BatchUnit expectedUnit) {
        BatchSize batch = BatchSize.parse(amount, unit);

        assertThat(batch.amount()).isEqualByComparingTo(expectedAmount);
        assertThat(batch.unit()).isEqualTo(expectedUnit);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "''      | g   | amount | Enter the batch size", "abc     | g   | amount | must be a number",
                    "1e3     | g   | amount | must be a number",
                    "2,5     | g   | amount | with a dot as the decimal separator",
                    "'1,500' | g   | amount | no thousands separators", "0       | g   | amount | more than zero",
                    "-5      | g   | amount | more than zero", "0.0000001 | g | amount | too many decimals",
                    "99999999999999 | g | amount | far too large", "100     | lb  | unit   | Unknown unit",
                    "100     | ''  | unit   | Unknown unit" })
    void refusesWithAMessageForTheFieldAtFault(String amount, String unit, String field, String message) {
        assertThatThrownBy(() -> BatchSize.parse(amount, unit))
            .isInstanceOfSatisfying(InvalidBatch.class, refused -> assertThat(refused.field()).isEqualTo(field))
            .hasMessageContaining(message);
    }

}
