package prepbench.scales;

import java.math.BigDecimal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The readability of the benches' balances, {@code prepbench.readability-g}. */
@Component
class ScaleReadability {

    private final BigDecimal grams;

    ScaleReadability(@Value("${prepbench.readability-g:0.001}") BigDecimal grams) {
        this.grams = grams;
    }

    BigDecimal grams() {
        return grams;
    }

}
