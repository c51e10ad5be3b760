package prepbench.sync;

import prepbench.access.Refused;
import prepbench.entry.Text;

/** A refusal of the sync module: what was refused, and what to do instead. */
public class SyncRefused extends Refused {

    /** The rules. */
    public enum Rule {

        /**
         * At a station: formulas, ingredients, accounts and locks are changed at central.
         */
        MANAGED_CENTRALLY,
        /** At a station: its copy of central's data is older than the cache may be. */
        COPY_TOO_OLD,
        /**
         * A station's name is missing, too long or not letters, digits, '.', '_', '-'.
         */
        INVALID_STATION_NAME,
        /** A station of that name exists. */
        STATION_EXISTS,
        /** A station cannot register stations: only a central can. */
        NOT_CENTRAL,
        /** No station of that name is registered and in service. */
        NO_SUCH_STATION,
        /** A station's list of accounts names one central does not have. */
        UNKNOWN_ACCOUNT,
        /**
         * A station's list of accounts is missing, names a blank account, or too many.
         */
        INVALID_ACCOUNT_LIST

    }

    SyncRefused(Rule rule, Text text) {
        super(rule, text);
    }

}
