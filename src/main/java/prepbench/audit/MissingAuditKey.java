package prepbench.audit;

/**
 * PrepBench cannot seal its audit trail: no key, or a key ring it cannot read. Start-up
 * stops with the fix.
 */
class MissingAuditKey extends RuntimeException {

    private final String action;

    MissingAuditKey(String message, String action) {
        super(message);
        this.action = action;
    }

    String action() {
        return action;
    }

}
