package prepbench.entry;

/**
 * A refusal whose message is a {@link Text}, so that a page or a ProblemDetail words it
 * in the reader's language; its {@code getMessage()} is the English.
 */
public interface Worded {

    Text text();

}
