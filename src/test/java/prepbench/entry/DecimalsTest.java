package prepbench.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one reader of numbers: what it reads, and why it refuses the rest. */
class DecimalsTest {

    @ParameterizedTest
    @CsvSource({ "12.5, 12.5", ".5, 0.5", "12., 12", "-3, -3", "+4, 4", "  78.250 , 78.250", "-.25, -0.25", "0, 0",
            "1000000, 1000000" })
    void readsPlainDecimalsWithADot(String text, BigDecimal expected) {
        Decimals.Read read = Decimals.read(text);
        assertThat(read.isNumber()).isTrue();
        assertThat(read.value()).isEqualByComparingTo(expected);
        assertThat(read.problem()).isNull();
    }

    /**
     * A keyboard or a scanner set to Arabic types Arabic-Indic or Persian digits and the
     * Arabic separator.
     */
    @ParameterizedTest
    @CsvSource({ "١٢٫٥, 12.5", "٧٨٫٢٥٠, 78.250", "۱۲.۵, 12.5", "۰٫۵, 0.5", "-٣, -3", "١٢٣٤٥٦٧٨٩٠, 1234567890" })
    void readsArabicIndicAndPersianDigitsAsTheirWesternForm(String text, BigDecimal expected) {
        assertThat(Decimals.read(text).value()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "١٬٥٠٠", "١,٥", "٧٨،٢٥" })
    void neverGuessesAnArabicThousandsSeparatorOrComma(String text) {
        assertThat(Decimals.read(text).isNumber()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1,500", "78,25", "1 500", "1'500", "1.500.000", "1,234.5", "1\u00a0500" })
    void neverReadsACommaOrAThousandsSeparator(String text) {
        assertThat(Decimals.read(text)).isEqualTo(new Decimals.Read(null, Decimals.Problem.SEPARATORS));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1e-2", "1E999999999", "-2.5e3" })
    void refusesExponents(String text) {
        assertThat(Decimals.read(text).problem()).isEqualTo(Decimals.Problem.EXPONENT);
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", ".", "-", "12a", "١٢a", "0x10", "NaN", "Infinity" })
    void refusesWhatIsNoNumber(String text) {
        assertThat(Decimals.read(text).problem()).isEqualTo(Decimals.Problem.NOT_A_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "\t" })
    void blankIsBlank(String text) {
        assertThat(Decimals.read(text).problem()).isEqualTo(Decimals.Problem.BLANK);
        assertThat(Decimals.read(null).problem()).isEqualTo(Decimals.Problem.BLANK);
    }

    @org.junit.jupiter.api.Test
    void aTextLongerThanAnyNumberIsNotReadAtAll() {
        assertThat(Decimals.read("1".repeat(Decimals.MAX_TEXT)).isNumber()).isTrue();
        assertThat(Decimals.read("1".repeat(Decimals.MAX_TEXT + 1)).problem()).isEqualTo(Decimals.Problem.TOO_LONG);
    }

    @org.junit.jupiter.api.Test
    void countsDigitsBeforeAndAfterThePoint() {
        assertThat(Decimals.integerDigits(new BigDecimal("1234.500"))).isEqualTo(4);
        assertThat(Decimals.decimals(new BigDecimal("1234.500"))).isEqualTo(1);
        assertThat(Decimals.integerDigits(new BigDecimal("0.001"))).isZero();
        assertThat(Decimals.decimals(new BigDecimal("1E+3"))).isZero();
    }

}
