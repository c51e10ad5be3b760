package prepbench.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CasNumberTest {

    @ParameterizedTest
    @ValueSource(strings = { "64-17-5", "7732-18-5", "5989-27-5", "24851-98-7", "1222-05-5", "8007-75-8", "7440-57-5",
            " 50-00-0 " })
    void acceptsRegistryNumbersWhoseCheckDigitHolds(String cas) {
        assertThat(CasNumber.tryParse(cas)).map(CasNumber::value).contains(cas.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = { "64-17-4", "7732-18-6", "5989-72-5", "24851-89-7" })
    void refusesAWrongCheckDigitOrSwappedDigits(String cas) {
        assertThat(CasNumber.tryParse(cas)).isEmpty();
        assertThat(CasNumber.looksLikeOne(cas)).isTrue();
        assertThatThrownBy(() -> new CasNumber(cas)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "64175", "6-17-5", "12345678-17-5", "64-1-5", "64-17-55", "064-17-5", "64 17 5",
            "CAS 64-17-5", "६४-१७-५" })
    void refusesWhatIsNotShapedLikeOne(String input) {
        assertThat(CasNumber.tryParse(input)).isEmpty();
        assertThat(CasNumber.looksLikeOne(input)).isFalse();
    }

}
