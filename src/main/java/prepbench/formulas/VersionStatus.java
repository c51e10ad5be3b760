package prepbench.formulas;

import java.util.Locale;

/**
 * A formula version's life cycle: edited as a draft, released for preparation (frozen),
 * retired.
 */
public enum VersionStatus {

    DRAFT, RELEASED, RETIRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static VersionStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

}
