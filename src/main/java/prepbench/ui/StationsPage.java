package prepbench.ui;

import java.util.List;

import prepbench.security.Account;
import prepbench.sync.Stations;

/**
 * Central's stations, for its admins: every station with the accounts allowed at it, the
 * accounts there are to choose from, a message (done or refused), and a station just
 * registered with its token, shown this once.
 *
 * @param centralUrl at a station, the central it belongs to (stations are registered
 * there, not here); null at central
 * @param message in the reader's language; null when there is none
 * @param createdToken the token of the station just registered; null on every other visit
 * @param name the name typed in the registration form, kept when it was refused
 * @param ticked the accounts ticked in the registration form, kept when it was refused
 */
public record StationsPage(String centralUrl, List<Stations.Station> stations, List<Account> accounts, String message,
        boolean refused, String createdName, String createdToken, String name, List<String> ticked) {

    /** Whether the station's list of accounts names this one. */
    public boolean allows(Stations.Station station, Account account) {
        return station.accounts().contains(account.username());
    }

}
