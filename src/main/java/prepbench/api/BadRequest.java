package prepbench.api;

/** A request the API refuses as it stands; the message says what to send instead. */
class BadRequest extends RuntimeException {

    BadRequest(String message) {
        super(message);
    }

}
