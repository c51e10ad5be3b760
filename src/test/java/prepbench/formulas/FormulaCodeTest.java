package prepbench.formulas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaCodeTest {

    @Test
    void isCaseInsensitiveByStoringUpperCase() {
        assertThat(FormulaCode.of("  prm00936 ")).isEqualTo(FormulaCode.of("PRM00936"));
        assertThat(FormulaCode.of("a.b_c-1").value()).isEqualTo("A.B_C-1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "-PRM", "PRM 00936", "<b>PRM</b>", "PRM';DROP TABLE formula;--",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456" })
    void refusesWhatCannotBeACode(String text) {
        assertThatThrownBy(() -> FormulaCode.of(text)).isInstanceOf(InvalidFormulaCode.class);
        assertThat(FormulaCode.tryParse(text)).isEmpty();
    }

    @Test
    void refusesEmptyInputAskingForACode() {
        assertThatThrownBy(() -> FormulaCode.of(null)).hasMessage("Enter or scan a formula code.");
    }

}
