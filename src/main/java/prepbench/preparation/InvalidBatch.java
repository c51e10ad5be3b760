package prepbench.preparation;

/**
 * A batch size that cannot be prepared; the message says why and what to enter instead,
 * and {@link #field()} names the form field at fault ({@code amount} or {@code unit}).
 */
public class InvalidBatch extends RuntimeException {

    private final String field;

    private InvalidBatch(String field, String message) {
        super(message);
        this.field = field;
    }

    static InvalidBatch amount(String message) {
        return new InvalidBatch("amount", message);
    }

    static InvalidBatch unit(String message) {
        return new InvalidBatch("unit", message);
    }

    public String field() {
        return field;
    }

}
