package prepbench.entry;

/**
 * A refusal that carries its words as a {@link Text}: pages and ProblemDetails word it in
 * the reader's language ({@link Words#message}), its {@code getMessage()} is the English
 * (logs, tests, the audit trail).
 */
public abstract class WordedRefusal extends RuntimeException {

    private final transient Text text;

    protected WordedRefusal(Text text) {
        super(text.english());
        this.text = text;
    }

    /** The words, to be worded in the reader's language. */
    public Text text() {
        return text;
    }

}
