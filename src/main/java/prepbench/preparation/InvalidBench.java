package prepbench.preparation;

/** A bench name that cannot be one. */
public class InvalidBench extends RuntimeException {

    InvalidBench() {
        super("Unknown bench. Choose one of this station's benches from the list "
                + "(their names are letters, digits, '-', '_' or '.').");
    }

}
