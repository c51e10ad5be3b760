package prepbench.preparation;

import java.util.UUID;

import prepbench.entry.Text;
import prepbench.preparation.ActionRefused.Reason;

/**
 * The scanned container is not the step's ingredient: the code value it carries is none
 * of the step's codes.
 */
class WrongContainer extends ActionRefused {

    private final UUID expectedIngredientId;

    private final String scannedCodeValue;

    WrongContainer(UUID expectedIngredientId, String scannedCodeValue, Text text) {
        super(Reason.WRONG_INGREDIENT, text);
        this.expectedIngredientId = expectedIngredientId;
        this.scannedCodeValue = scannedCodeValue;
    }

    UUID expectedIngredientId() {
        return expectedIngredientId;
    }

    String scannedCodeValue() {
        return scannedCodeValue;
    }

}
