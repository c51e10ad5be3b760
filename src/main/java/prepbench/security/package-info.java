/**
 * Accounts and signing in: form login for pages, stateless HTTP Basic for
 * {@code /api/**}, lockout, throttling, password policy, the first admin and the demo
 * accounts. What each role may do is {@link prepbench.access}'s table, which the filter
 * chains here ask; controllers get the signed-in user as a {@link prepbench.access.Actor}
 * method argument.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "access", "entry", "formulas" })
package prepbench.security;
