package prepbench.api;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/** A request the API refuses as it stands; the message says what to send instead. */
class BadRequest extends WordedRefusal {

    BadRequest(Text text) {
        super(text);
    }

}
