/**
 * The database's own health: a check that proves the database accepts a write (not only
 * that a connection answers), and the last database error any request met, with when, for
 * {@code /diagnostics}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package prepbench.database;
