package prepbench.api;

import prepbench.entry.Text;
import prepbench.entry.Worded;

/** A request the API refuses as it stands; the message says what to send instead. */
class BadRequest extends RuntimeException implements Worded {

    private final Text text;

    BadRequest(Text text) {
        super(text.english());
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }

}
