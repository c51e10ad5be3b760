package prepbench.scales;

/**
 * A balance at one bench: readings and the commands zero and tare. Implementations are
 * thread-safe.
 */
public interface Scale {

    /** The bench this balance stands on. */
    String benchId();

    /** The latest reading; never blocks for long. */
    Reading read();

    /**
     * Re-zero: the current load becomes 0 and any tare is cleared.
     * @throws ScaleCommandRefused when the balance is not stable, or offline, overloaded
     * or underloaded
     */
    void zero();

    /**
     * Tare: the current load (a container) is subtracted from every following reading.
     * @throws ScaleCommandRefused when the balance is not stable, or offline, overloaded
     * or underloaded
     */
    void tare();

}
