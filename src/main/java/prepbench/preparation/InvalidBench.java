package prepbench.preparation;

/** A bench name that cannot be one. */
public class InvalidBench extends RuntimeException {

    InvalidBench() {
        super("Unknown bench name: use letters, digits, '-', '_' or '.', at most 64 characters, "
                + "or choose a bench from the list.");
    }
}
