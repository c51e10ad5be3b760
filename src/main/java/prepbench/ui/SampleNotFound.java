package prepbench.ui;

/** No sample has this code. */
class SampleNotFound extends RuntimeException {

    private final String code;

    SampleNotFound(String code) {
        super("No sample has the code " + ErrorPage.echo(code) + ".");
        this.code = code;
    }

    String code() {
        return code;
    }

}
