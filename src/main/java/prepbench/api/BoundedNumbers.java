package prepbench.api;

import java.math.BigDecimal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    static final class OutOfBounds extends RuntimeException {

        OutOfBounds(String field, String problem) {
            super((field == null ? "A number" : field) + ": " + problem);
        }

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
                    throw new OutOfBounds(parser.currentName(), Grams.BOUNDS);
                }
                try {
                    value = new BigDecimal(text);
                }
                catch (NumberFormatException notANumber) {
                    throw new OutOfBounds(parser.currentName(), "not a number; write it like 78.25");
                }
            }
            else {
                throw new OutOfBounds(parser.currentName(), "expected a number such as 78.25");
            }
            if (!Grams.inBounds(value)) {
                throw new OutOfBounds(parser.currentName(), Grams.BOUNDS);
            }
            return value;
        }

    }

}
