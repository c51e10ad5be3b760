package prepbench.api;

import java.math.BigDecimal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;
import prepbench.scales.Grams;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every decimal number in a request body is bounded as it is read, before any arithmetic,
 * formatting or permission check sees it: at most 15 digits before the decimal point and
 * 6 after ({@link Grams}). {@code 1e999999999} is a 400 that says so, not an
 * {@code OutOfMemoryError} when something later writes it out in full.
 */
@Configuration
class BoundedNumbers {

    /**
     * A number in a request that is out of bounds or no number at all; {@code field} is
     * its JSON name.
     */
    static final class OutOfBounds extends WordedRefusal {

        OutOfBounds(String field, Text problem) {
            this(Text.of("entry.api.number-problem", field == null ? Text.of("entry.api.a-number") : field, problem));
        }

        private OutOfBounds(Text text) {
            super(text);
        }

    }

    /** What a refusal of an out-of-bounds number says: {@link Grams#BOUNDS}, in words. */
    private static Text bounds() {
        return Text.of("entry.api.weight-bounds", Grams.MAX_INTEGER_DIGITS, Grams.MAX_DECIMALS);
    }

    @Bean
    JacksonModule boundedDecimals() {
        return new SimpleModule("prepbench-bounded-decimals").addDeserializer(BigDecimal.class, new Reader());
    }

    private static final class Reader extends ValueDeserializer<BigDecimal> {

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            BigDecimal value;
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                value = parser.getDecimalValue();
            }
            else if (token == JsonToken.VALUE_STRING) {
                String text = parser.getString().strip();
                if (text.isEmpty()) {
                    return null;
                }
                if (text.length() > 40) {
                    throw new OutOfBounds(parser.currentName(), bounds());
                }
                try {
                    value = new BigDecimal(text);
                }
                catch (NumberFormatException notANumber) {
                    throw new OutOfBounds(parser.currentName(), Text.of("entry.api.not-a-number"));
                }
            }
            else {
                throw new OutOfBounds(parser.currentName(), Text.of("entry.api.expected-a-number"));
            }
            if (!Grams.inBounds(value)) {
                throw new OutOfBounds(parser.currentName(), bounds());
            }
            return value;
        }

    }

}
