package prepbench.preparation;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/**
 * A batch size that cannot be prepared; the message says why and what to enter instead,
 * and {@link #field()} names the form field at fault ({@code amount} or {@code unit}).
 */
public class InvalidBatch extends WordedRefusal {

    private final String field;

    private InvalidBatch(String field, Text text) {
        super(text);
        this.field = field;
    }

    static InvalidBatch amount(Text text) {
        return new InvalidBatch("amount", text);
    }

    static InvalidBatch unit(Text text) {
        return new InvalidBatch("unit", text);
    }

    public String field() {
        return field;
    }

}
