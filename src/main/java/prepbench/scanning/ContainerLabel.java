package prepbench.scanning;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a scanned ingredient-container label says, as read by
 * {@link ContainerLabels#parse(String, LabelParser)}.
 *
 * @param symbology the AIM symbology identifier the scanner sent, without its {@code ]}
 * (such as {@code C1}, {@code d2}, {@code Q3} or {@code E0}); empty when the scanner sent
 * none
 * @param codeValue the value to match against the step's codes: for {@code plain} the
 * whole normalised text, for {@code gs1} the GTIN (01) or else the whole element string
 * in bracketed form, for {@code kv} the value of {@code ING}, {@code CODE} or {@code ID}
 * @param lot the lot: GS1 (10) or the {@code kv} key {@code LOT}
 * @param expiry the expiry date: GS1 (17) or the {@code kv} key {@code EXP}; whether it
 * has passed is for the caller to decide
 * @param serial the serial number: GS1 (21)
 * @param elements every GS1 application identifier or {@code kv} key (upper case) with
 * its value, in label order, for the audit record; unmodifiable, empty for {@code plain}
 */
public record ContainerLabel(Optional<String> symbology, String codeValue, Optional<String> lot,
        Optional<LocalDate> expiry, Optional<String> serial, Map<String, String> elements) {

    public ContainerLabel {
        Objects.requireNonNull(symbology, "symbology");
        Objects.requireNonNull(codeValue, "codeValue");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(serial, "serial");
        elements = Collections.unmodifiableMap(new LinkedHashMap<>(elements));
    }
}
