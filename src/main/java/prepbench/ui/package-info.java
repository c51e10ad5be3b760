/**
 * The pages a technician, lab lead or viewer works with: server-rendered JTE templates,
 * htmx fragments from the same URLs (branching on {@code HX-Request}), and a scan box on
 * every page. Controllers are thin: they call a module's facade and pick a page; they
 * never run SQL or bind aggregates.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = { "access", "audit", "catalog", "database", "entry", "formulas", "labels", "preparation",
                "records", "samples", "scales", "scanning", "security", "sync", "transfer" })
package prepbench.ui;
