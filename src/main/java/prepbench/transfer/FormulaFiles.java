package prepbench.transfer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import prepbench.entry.Text;
import prepbench.formulas.FormulaCode;

/**
 * Reads and writes formula files, so that formulas can move between labs and
 * spreadsheets. Reading never throws for what is in the file: everything wrong with it
 * comes back as {@link FileProblem}s, all of them at once (the first 1000, and a note
 * when there are more), and a file with problems yields no formulas.
 *
 * <h2>Both formats</h2> A file holds at most {@link #MAX_BYTES} bytes of text, read as
 * UTF-8 (a byte order mark is skipped) or, when the bytes are not UTF-8, as windows-1252,
 * which Excel on Windows writes. Numbers are plain decimals with a dot: {@code 0.78} or
 * {@code .78}; no exponent, thousands separator or decimal comma. Codes are letters,
 * digits, '-', '_' and '.', up to 32 characters, and are stored in upper case. Every
 * formula needs:
 * <ul>
 * <li>a code ({@link FormulaCode}), once per file, and a name of 1 to 200
 * characters;</li>
 * <li>a batch amount, more than 0 and at most 1,000,000,000 with at most 6 decimal
 * places, in a batch unit: g, kg, mg, mL or L;</li>
 * <li>lines, each with a line number from 1 to 999 and an ingredient code, both unique in
 * the formula, and a fraction of the batch, more than 0 and at most 1 with at most 10
 * decimal places; the fractions add up to 1 within ± 0.000001 (100 % ± 0.0001 %);</li>
 * <li>optionally, per line, a tolerance for each side, given in grams (at most 6 decimal
 * places) or in percent of the target (at most 100, at most 4 decimal places), not both;
 * none means the default.</li>
 * </ul>
 *
 * <h2>CSV</h2> RFC 4180: commas, double quotes, CRLF. The first row is the header; column
 * names ignore case and may come in any order: <pre>
 * formula_code,formula_name,batch_amount,batch_unit,line_no,ingredient_code,fraction,tol_minus_g,tol_plus_g,tol_minus_pct,tol_plus_pct
 * PRM00936,Fresh citrus,100,g,1,ETH-001,0.78,0.5,0.5,,
 * PRM00936,Fresh citrus,100,g,2,LIM-002,0.22,,,1,1
 * </pre> One row per formula line. The rows of a formula repeat its code, name, batch
 * amount and unit, which must agree; they need not be next to each other. A file may give
 * {@code percent} (12.5 for 12.5 %, at most 8 decimal places) instead of
 * {@code fraction}; the tolerance columns may be left out. A problem's row is the row as
 * a spreadsheet numbers it, the header being row 1. Written files are UTF-8 with a byte
 * order mark, so that Excel shows accents right, and have every column of the header
 * above. A text cell that a spreadsheet would run as a formula (it starts with =, +,
 * -, @, a tab or a carriage return) is written with a quote before it, {@code '=A1}, and
 * read without it, so an exported file imports unchanged.
 *
 * <h2>JSON</h2> <pre>
 * {"formulas": [{"code": "PRM00936", "name": "Fresh citrus", "batchAmount": 100, "batchUnit": "g",
 *   "lines": [{"lineNo": 1, "ingredientCode": "ETH-001", "fraction": 0.78, "tolMinusG": 0.5, "tolPlusG": 0.5},
 *             {"lineNo": 2, "ingredientCode": "LIM-002", "fraction": 0.22, "tolMinusPct": 1, "tolPlusPct": 1}]}]}
 * </pre> Numbers may be JSON numbers or strings; decimals are read exactly. Tolerances
 * may be null or left out; unknown properties are refused. A problem's row is the
 * formula's position in the list, from 1, and its field a path such as
 * {@code lines[0].fraction} (indexes from 0). Written files are UTF-8, indented, without
 * the tolerances that are not given.
 */
public final class FormulaFiles {

    /** The largest file read: 2 MB, thousands of formula lines. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /**
     * What a problem says when reading failed in a way this class does not foresee: a
     * bug.
     */
    static final Text UNREADABLE_TEXT = Text.of("entry.file.unreadable");

    /** {@link #UNREADABLE_TEXT} in English. */
    static final String UNREADABLE = UNREADABLE_TEXT.english();

    private static final Logger log = LoggerFactory.getLogger(FormulaFiles.class);

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private static final int MAX_CONTROL_CHARACTERS = 3;

    private FormulaFiles() {
    }

    /**
     * Reads a formula file and checks everything in it.
     * @param bytes the file as uploaded; null is read as an empty file
     * @return the formulas, or every problem found
     */
    public static ReadFile read(FileFormat format, byte[] bytes) {
        Objects.requireNonNull(format, "format");
        byte[] file = bytes == null ? new byte[0] : bytes;
        if (file.length > MAX_BYTES) {
            return refused(
                    new FileProblem(0, "",
                            Text.of("entry.file.file-too-large", megabytes(file.length), megabytes(MAX_BYTES))),
                    StandardCharsets.UTF_8.name());
        }
        Text notText = notText(format, file);
        if (notText != null) {
            return refused(new FileProblem(0, "", notText), StandardCharsets.UTF_8.name());
        }
        byte[] content = startsWith(file, UTF8_BOM) ? Arrays.copyOfRange(file, UTF8_BOM.length, file.length) : file;
        String utf8 = utf8(content);
        Charset charset = utf8 != null ? StandardCharsets.UTF_8 : WINDOWS_1252;
        String text = utf8 != null ? utf8 : new String(content, WINDOWS_1252);
        if (text.isBlank()) {
            return refused(new FileProblem(0, "", Text.of("entry.file.empty", expected(format))), charset.name());
        }
        FileValues values = new FileValues();
        List<FormulaDocument> formulas;
        try {
            formulas = format == FileFormat.CSV ? FormulaCsv.read(text, values) : FormulaJson.read(text, values);
        }
        catch (RuntimeException unforeseen) {
            log.warn("Reading a {} formula file failed unexpectedly", format, unforeseen);
            return refused(new FileProblem(0, "", UNREADABLE_TEXT), charset.name());
        }
        List<FileProblem> problems = new ArrayList<>(values.problems());
        problems.sort(Comparator.comparingInt(FileProblem::row));
        return new ReadFile(problems.isEmpty() ? formulas : List.of(), problems, charset.name(), values.rows());
    }

    /**
     * Writes formulas as a file, in the order given; a formula without lines has no rows
     * in a CSV file.
     * @return UTF-8 bytes (CSV with a byte order mark)
     */
    public static byte[] write(FileFormat format, List<FormulaDocument> formulas) {
        Objects.requireNonNull(format, "format");
        String text = format == FileFormat.CSV ? FormulaCsv.write(formulas) : FormulaJson.write(formulas);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ReadFile refused(FileProblem problem, String encoding) {
        return new ReadFile(List.of(), List.of(problem), encoding);
    }

    /** Why the bytes are not a text file, or null when they are. */
    private static Text notText(FileFormat format, byte[] file) {
        int controls = 0;
        boolean nul = false;
        for (byte b : file) {
            if (b == 0) {
                nul = true;
                break;
            }
            if (b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                controls++;
            }
        }
        if (!nul && controls <= MAX_CONTROL_CHARACTERS) {
            return null;
        }
        Text kind;
        if (startsWith(file, new byte[] { 'P', 'K', 3, 4 })) {
            kind = Text.of("entry.file.zip", "Excel", ".xlsx");
        }
        else if (startsWith(file, new byte[] { (byte) 0xFF, (byte) 0xFE })
                || startsWith(file, new byte[] { (byte) 0xFE, (byte) 0xFF })) {
            kind = Text.of("entry.file.utf16", "UTF-16", "Unicode text");
        }
        else {
            kind = Text.of("entry.file.binary");
        }
        return Text.of("entry.file.not-a-text-file", kind, expected(format));
    }

    private static Text expected(FileFormat format) {
        return format == FileFormat.CSV ? Text.of("entry.file.expected-csv", "Excel", "CSV UTF-8 (Comma delimited)")
                : Text.of("entry.file.expected-json", FormulaJson.SHAPE);
    }

    /** The text, when the bytes are strictly UTF-8; otherwise null. */
    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content))
                .toString();
        }
        catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String megabytes(long bytes) {
        return BigDecimal.valueOf(bytes)
            .divide(BigDecimal.valueOf(1024 * 1024), 1, RoundingMode.UP)
            .stripTrailingZeros()
            .toPlainString();
    }

}
