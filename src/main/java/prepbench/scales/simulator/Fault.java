package prepbench.scales.simulator;

/** How the simulated balance misbehaves. */
public enum Fault {

    /** Behaves. */
    NONE,
    /** Sends each line in two pieces with a pause between them. */
    TORN,
    /** Sends two lines in one write. */
    MERGED,
    /** Sends a line of random bytes before every line. */
    GARBAGE,
    /** Stops answering and streaming, but keeps the connection open. */
    SILENCE,
    /** Drops the connection after every few lines. */
    DISCONNECT,
    /** Sends lines longer than any protocol allows. */
    OVERLONG,
    /** Ends lines with CR only. */
    CR_ONLY,
    /** Ends lines with LF only. */
    LF_ONLY

}
