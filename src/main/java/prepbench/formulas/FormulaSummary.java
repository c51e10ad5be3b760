package prepbench.formulas;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A formula as lists show it; {@code releasedVersionNo} is null when no version is
 * released.
 */
public record FormulaSummary(UUID id, FormulaCode code, String name, Integer releasedVersionNo, int lineCount,
        BigDecimal defaultAmount, BatchUnit defaultUnit) {

    public boolean isReleased() {
        return releasedVersionNo != null;
    }
}
