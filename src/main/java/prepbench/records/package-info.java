/**
 * The batch record of a preparation: what it holds ({@link prepbench.records.RecordPage}:
 * the session as it is now, its sample, every audit event in words and the verification
 * of its chain) and the record as a PDF file, laid out from the same template as the
 * printable page ({@link prepbench.records.BatchRecords}), in the reader's language: the
 * words from the message bundles, the values the record holds marked as data and never
 * translated ({@link prepbench.records.Phrase}).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = { "access", "audit", "entry", "formulas", "preparation", "samples", "scales" })
package prepbench.records;
