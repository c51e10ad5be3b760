/**
 * Who may do what, in one table: each {@link prepbench.access.Role} grants a set of
 * {@link prepbench.access.Permission}s. The filter chains (pages and API), the modules'
 * facades and the pages' buttons all ask this table, through
 * {@link prepbench.access.Actor#may} and {@link prepbench.access.Actor#require} in the
 * domain and {@link prepbench.access.Role#having} in the security configuration; a
 * refusal is a {@link prepbench.access.NotPermitted} naming the permission. Depends on no
 * other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "entry" })
package prepbench.access;
