/**
 * Who may do what: form login for pages, stateless HTTP Basic for {@code /api/**}, the product's roles
 * ({@code technician}, {@code lab_lead}, {@code admin}, {@code viewer}) and the demo accounts. Controllers get
 * the signed-in user as a {@link prepbench.preparation.Operator} method argument.
 */
package prepbench.security;
