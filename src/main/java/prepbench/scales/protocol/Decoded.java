package prepbench.scales.protocol;

import java.time.Instant;
import java.util.Objects;

import prepbench.scales.Reading;
import prepbench.scales.ScaleState;

/** What one line from a balance says. */
public sealed interface Decoded {

    /**
     * A weight, or a balance out of its range. The reading is {@link ScaleState#OK} and
     * stable, {@link ScaleState#UNSTABLE}, {@link ScaleState#OVERLOAD} or
     * {@link ScaleState#UNDERLOAD}, with the weight in grams.
     *
     * @param unit the unit the line was printed in (g, kg or mg); empty when the line
     * printed none
     */
    record Weight(Reading reading, String unit) implements Decoded {

        public Weight {
            Objects.requireNonNull(reading, "reading");
            Objects.requireNonNull(unit, "unit");
        }

        static Weight overload(Instant at) {
            return new Weight(new Reading(null, false, at, ScaleState.OVERLOAD), "");
        }

        static Weight underload(Instant at) {
            return new Weight(new Reading(null, false, at, ScaleState.UNDERLOAD), "");
        }
    }

    /**
     * A well-formed line that carries no weight in grams: pieces in count mode, a weight
     * in another unit, a tare value, a status line, a busy balance. Never capturable; the
     * balance works, but not as a weighing needs.
     *
     * @param why what the line is instead, in words a technician can act on
     */
    record NotAWeight(String why) implements Decoded {
    }

    /**
     * The balance's answer to a command.
     *
     * @param command the command answered as the reply names it ({@code Z}, {@code T},
     * {@code I4}); empty when the reply does not say (A&amp;D's ACK)
     * @param done whether the balance carried the command out
     */
    record Acknowledged(String command, boolean done, String detail) implements Decoded {
    }

    /**
     * What the balance says it is, in answer to an identification command (MT-SICS
     * {@code I2}, {@code I4}): one line names the model, another the serial number; a
     * balance that will not say answers with both null.
     *
     * @param model the model (MT-SICS: type, capacity and unit,
     * {@code "XS204 220.0090 g"}); null when not this line's
     * @param serialNumber null when not this line's
     */
    record Identity(String model, String serialNumber) implements Decoded {
    }

    /** An error the balance reports, or a line that cannot be read. */
    record Failure(String detail) implements Decoded {

        static Failure unreadable(String protocol) {
            return new Failure("not a line of the " + protocol + " protocol");
        }
    }

}
