package prepbench.scales.protocol;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The balance protocols PrepBench speaks, found by the name a bench's configuration
 * gives.
 */
public final class BalanceCodecs {

    private static final List<BalanceCodec> CODECS = List.of(new AdCodec(), new MtSicsCodec(), new SbiCodec(),
            new OhausCodec());

    private BalanceCodecs() {
    }

    /**
     * The codec of {@code ad}, {@code mt-sics}, {@code sbi} or {@code ohaus}, in any
     * case; empty for anything else.
     */
    public static Optional<BalanceCodec> forProtocol(String protocol) {
        return protocol == null ? Optional.empty()
                : CODECS.stream()
                    .filter(codec -> codec.protocol().equals(protocol.strip().toLowerCase(Locale.ROOT)))
                    .findFirst();
    }

    /** The names of the protocols, for a configuration error that lists them. */
    public static List<String> protocols() {
        return CODECS.stream().map(BalanceCodec::protocol).toList();
    }

}
