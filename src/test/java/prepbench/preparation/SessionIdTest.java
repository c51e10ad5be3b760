package prepbench.preparation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionIdTest {

    @ParameterizedTest
    @ValueSource(strings = { "3f2a6c1e-8b4d-4e0f-9a7b-2c5d8e1f0a3b", "3F2A6C1E-8B4D-4E0F-9A7B-2C5D8E1F0A3B" })
    void parsesUuids(String text) {
        assertThat(SessionId.parse(text).toString()).isEqualTo("3f2a6c1e-8b4d-4e0f-9a7b-2c5d8e1f0a3b");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "abc", "1-1-1-1-1", "3f2a6c1e-8b4d-4e0f-9a7b-2c5d8e1f0a3bX",
            "3f2a6c1e-8b4d-4e0f-9a7b-2c5d8e1f0a3", "<script>alert(1)</script>", "' OR 1=1 --" })
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> SessionId.parse(text)).isInstanceOf(InvalidSessionId.class)
            .hasMessageContaining("not a preparation id");
    }

}
