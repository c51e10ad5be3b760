package prepbench.transfer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FormulaFilesTest {

    private static final String HEADER = "formula_code,formula_name,batch_amount,batch_unit,line_no,ingredient_code,"
            + "fraction,tol_minus_g,tol_plus_g,tol_minus_pct,tol_plus_pct";

    private static final List<String> RISKY_NAMES = List.of("=cmd|' /C calc'!A0", "+SUM(A1:A2)", "-2+3", "@SUM(1)",
            "Crème été", "'=already quoted", "Plain, with \"quotes\" and a comma");

    // ---- round trips
    // -------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void writtenFormulasReadBackUnchanged(FileFormat format) {
        List<FormulaDocument> formulas = new ArrayList<>();
        for (int i = 0; i < RISKY_NAMES.size(); i++) {
            formulas.add(formula("PRM" + i, RISKY_NAMES.get(i), "250.5", "mL",
                    line(1, "ETH-001", "0.78", "0.5", "0.25", null, null),
                    line(2, "LIM.002", "0.2199999", null, null, "1.5", "2"),
                    line(3, "ISO_E", "0.0000001", "0", null, null, "100")));
        }

        ReadFile read = FormulaFiles.read(format, FormulaFiles.write(format, formulas));

        assertThat(read.problems()).isEmpty();
        assertThat(read.ok()).isTrue();
        assertThat(read.encoding()).isEqualTo("UTF-8");
        assertThat(read.formulas()).isEqualTo(formulas);
    }

    @Test
    void documentsCompareNumbersWithoutTrailingZeros() {
        assertThat(line(1, "A", "0.7800000000", null, null, null, null))
            .isEqualTo(line(1, "A", "0.78", null, null, null, null));
        assertThat(formula("P", "n", "1E+2", "g").batchAmount()).isEqualTo(new BigDecimal("100"));
    }

    // ---- writing CSV
    // -------------------------------------------------------------------------------------

    @Test
    void writesCsvWithByteOrderMarkHeaderAndCrlf() {
        byte[] written = FormulaFiles.write(FileFormat.CSV, List.of(citrus()));

        assertThat(Arrays.copyOf(written, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(written, 3, written.length - 3, UTF_8);
        assertThat(text).startsWith(HEADER + "\r\n");
        assertThat(text.split("\r\n")).hasSize(3);
    }

    @Test
    void writesNumbersPlainWithoutTrailingZerosAndEmptyCellsForNoTolerance() {
        FormulaDocument formula = formula("PRM1", "Citrus", "1E+2", "g",
                line(1, "ETH-001", "0.7800000000", "0.50", null, null, null),
                line(2, "LIM-002", "0.22", null, null, null, "1.0"));

        String text = csvText(FormulaFiles.write(FileFormat.CSV, List.of(formula)));

        assertThat(text).contains("\r\nPRM1,Citrus,100,g,1,ETH-001,0.78,0.5,,,\r\n")
            .contains("\r\nPRM1,Citrus,100,g,2,LIM-002,0.22,,,,1\r\n")
            .doesNotContain("E+")
            .doesNotContain("0.7800");
    }

    @Test
    void quotesTextCellsThatASpreadsheetWouldRunAsFormulas() {
        List<FormulaDocument> formulas = RISKY_NAMES.stream()
            .map(name -> formula("PRM1", name, "100", "g", line(1, "ETH-001", "1", null, null, null, null)))
            .toList();

        String text = csvText(FormulaFiles.write(FileFormat.CSV, formulas));

        assertThat(text).contains(",'=cmd|' /C calc'!A0,", ",'+SUM(A1:A2),", ",'-2+3,", ",'@SUM(1),",
                ",''=already quoted,", ",Crème été,");
        assertThat(text).doesNotContain(",=").doesNotContain(",+").doesNotContain(",-").doesNotContain(",@");
    }

    @Test
    void removesTheProtectingQuoteOnlyWhereWritingAddsOne() {
        assertThat(prepbench.entry.SpreadsheetCells.unprotect(prepbench.entry.SpreadsheetCells.protect("=1+1")))
            .isEqualTo("=1+1");
        assertThat(prepbench.entry.SpreadsheetCells.unprotect("'=1+1")).isEqualTo("=1+1");
        assertThat(prepbench.entry.SpreadsheetCells.unprotect("''=1+1")).isEqualTo("'=1+1");
        assertThat(prepbench.entry.SpreadsheetCells.unprotect("'Quoted'")).isEqualTo("'Quoted'");
        assertThat(prepbench.entry.SpreadsheetCells.protect("\tcmd")).isEqualTo("'\tcmd");
        assertThat(prepbench.entry.SpreadsheetCells.protect("\rcmd")).isEqualTo("'\rcmd");
        assertThat(prepbench.entry.SpreadsheetCells.protect("Citrus")).isEqualTo("Citrus");
    }

    // ---- writing JSON
    // ------------------------------------------------------------------------------------

    @Test
    void writesIndentedJsonWithPlainNumbersAndWithoutAbsentTolerances() {
        FormulaDocument formula = formula("PRM1", "Citrus", "1E+2", "g",
                line(1, "ETH-001", "0.9999999", "0.5", null, null, null),
                line(2, "LIM-002", "1E-7", null, null, null, null));

        String json = new String(FormulaFiles.write(FileFormat.JSON, List.of(formula)), UTF_8);

        assertThat(json).contains("\n  \"formulas\"")
            .contains("\"batchAmount\" : 100,")
            .contains("\"fraction\" : 0.0000001")
            .contains("\"tolMinusG\" : 0.5")
            .doesNotContain("E-")
            .doesNotContain("E+")
            .doesNotContain("tolPlusG")
            .doesNotContain("null");
    }

    // ---- bytes and encodings
    // -----------------------------------------------------------------------------

    @Test
    void readsUtf8WithByteOrderMark() {
        byte[] text = csv(row("PRM1", "Crème été", "100", "g", "1", "ETH-001", "1")).getBytes(UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        ReadFile read = FormulaFiles.read(FileFormat.CSV, withBom);

        assertThat(read.problems()).isEmpty();
        assertThat(read.encoding()).isEqualTo("UTF-8");
        assertThat(read.formulas().get(0).name()).isEqualTo("Crème été");
    }

    @Test
    void readsWhatExcelOnWindowsWritesAsWindows1252() {
        byte[] bytes = csv(row("PRM1", "Crème été", "100", "g", "1", "ETH-001", "1"))
            .getBytes(Charset.forName("windows-1252"));
        assertThat(bytes).contains((byte) 0xE9);

        ReadFile read = FormulaFiles.read(FileFormat.CSV, bytes);

        assertThat(read.problems()).isEmpty();
        assertThat(read.encoding()).isEqualTo("windows-1252");
        assertThat(read.formulas().get(0).name()).isEqualTo("Crème été");
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void refusesABinaryFile(FileFormat format) {
        byte[] withNul = (HEADER + "\r\nPRM1\0").getBytes(UTF_8);
        byte[] workbook = { 'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0 };
        byte[] controls = "a\u0001b\u0002c\u0003d\u0004e\u0005".getBytes(UTF_8);

        for (byte[] bytes : List.of(withNul, workbook, controls)) {
            ReadFile read = FormulaFiles.read(format, bytes);
            assertThat(read.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.row()).isZero();
                assertThat(problem.message()).startsWith("This is not a text file").contains("Expected is");
            });
        }
        assertThat(FormulaFiles.read(format, workbook).problems().get(0).message()).contains("Excel workbook");
    }

    @Test
    void refusesAFileOverTwoMegabytesWithoutReadingIt() {
        StringBuilder text = new StringBuilder(HEADER).append("\r\n");
        while (text.length() <= FormulaFiles.MAX_BYTES) {
            text.append("bad code,,x,lbs,0,?,-1,,,,\r\n");
        }

        ReadFile read = FormulaFiles.read(FileFormat.CSV, text.toString().getBytes(UTF_8));

        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isZero();
            assertThat(problem.message()).contains("at most 2 MB").contains("Split");
        });
        assertThat(read.formulas()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void refusesAnEmptyFile(FileFormat format) {
        for (byte[] bytes : List.of(new byte[0], new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
                " \r\n\r\n".getBytes(UTF_8))) {
            assertThat(FormulaFiles.read(format, bytes).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("The file is empty"));
        }
        assertThat(FormulaFiles.read(format, null).ok()).isFalse();
    }

    // ---- CSV header
    // --------------------------------------------------------------------------------------

    @Test
    void readsColumnsInAnyOrderAndAnyCase() {
        String text = "Fraction,LINE_NO,Ingredient_Code,Batch_Unit,Batch_Amount,Formula_Name,Formula_Code\r\n"
                + "1,1,eth-001,KG,2.5,Citrus,prm1\r\n";

        ReadFile read = readCsv(text);

        assertThat(read.problems()).isEmpty();
        assertThat(read.formulas())
            .containsExactly(formula("PRM1", "Citrus", "2.5", "kg", line(1, "ETH-001", "1", null, null, null, null)));
    }

    @Test
    void namesEveryColumnMissingFromTheHeader() {
        ReadFile read = readCsv(
                "formula_code,batch_amount,line_no,ingredient_code,fraction\r\n" + "PRM1,100,1,ETH-001,1\r\n");

        assertThat(read.problems()).extracting(FileProblem::row, FileProblem::field)
            .containsExactlyInAnyOrder(tuple(1, "formula_name"), tuple(1, "batch_unit"));
        assertThat(read.formulas()).isEmpty();
    }

    @Test
    void refusesAFileWithBothFractionAndPercentOrNeither() {
        String both = "formula_code,formula_name,batch_amount,batch_unit,line_no,ingredient_code,fraction,percent\r\n"
                + "PRM1,Citrus,100,g,1,ETH-001,1,100\r\n";
        String neither = "formula_code,formula_name,batch_amount,batch_unit,line_no,ingredient_code\r\n"
                + "PRM1,Citrus,100,g,1,ETH-001\r\n";

        assertThat(readCsv(both).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(1);
            assertThat(problem.message()).contains("both a fraction and a percent column");
        });
        assertThat(readCsv(neither).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(1);
            assertThat(problem.field()).isEqualTo("fraction");
        });
    }

    @Test
    void refusesAnUnknownColumnSoThatATypoDoesNotLoseATolerance() {
        ReadFile read = readCsv(
                HEADER.replace("tol_minus_g", "tol_minus_gr") + "\r\n" + "PRM1,Citrus,100,g,1,ETH-001,1,0.5,,,\r\n");

        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("tol_minus_gr");
            assertThat(problem.message()).contains("unknown column \"tol_minus_gr\"");
        });
    }

    @Test
    void explainsAFileSeparatedBySemicolons() {
        ReadFile read = readCsv(HEADER.replace(',', ';') + "\r\nPRM1;Citrus;100;g;1;ETH-001;1;;;;\r\n");

        assertThat(read.problems()).singleElement()
            .satisfies(problem -> assertThat(problem.message()).contains("semicolons", "CSV UTF-8"));
    }

    // ---- CSV rows
    // ----------------------------------------------------------------------------------------

    @Test
    void convertsPercentToFractionExactly() {
        ReadFile read = readCsv("formula_code,formula_name,batch_amount,batch_unit,line_no,ingredient_code,percent\r\n"
                + "PRM1,Citrus,100,g,1,ETH-001,12.5\r\n" + "PRM1,Citrus,100,g,2,LIM-002,87.49999999\r\n"
                + "PRM1,Citrus,100,g,3,ISO-003,0.00000001\r\n");

        assertThat(read.problems()).isEmpty();
        assertThat(read.formulas().get(0).lines()).extracting(FormulaDocument.Line::fraction)
            .containsExactly(new BigDecimal("0.125"), new BigDecimal("0.8749999999"), new BigDecimal("0.0000000001"));
    }

    @Test
    void refusesPercentWithMoreThanEightDecimalPlaces() {
        ReadFile read = readCsv("formula_code,formula_name,batch_amount,batch_unit,line_no,ingredient_code,percent\r\n"
                + "PRM1,Citrus,100,g,1,ETH-001,99.999999999\r\n");

        assertThat(read.problems()).anySatisfy(problem -> {
            assertThat(problem.field()).isEqualTo("percent");
            assertThat(problem.message()).contains("at most 8 decimal places in percent");
        });
    }

    @Test
    void groupsRowsByCodeInOrderOfFirstAppearanceAndSortsLinesByNumber() {
        ReadFile read = readCsv(csv(row("PRM2", "Wood", "1", "kg", "2", "CED-001", "0.5"),
                row("prm1", "Citrus", "100", "g", "1", "ETH-001", "1"),
                row("PRM2", "Wood", "1", "kg", "1", "VET-001", "0.5")));

        assertThat(read.problems()).isEmpty();
        assertThat(read.formulas()).extracting(FormulaDocument::code).containsExactly("PRM2", "PRM1");
        assertThat(read.formulas().get(0).lines()).extracting(FormulaDocument.Line::ingredientCode)
            .containsExactly("VET-001", "CED-001");
    }

    @Test
    void reportsEveryBadRowWithItsRowAndColumn() {
        ReadFile read = readCsv(csv(row("PRM1", "Citrus", "100", "g", "1", "ETH-001", "0.5"),
                row("PRM 1", "Citrus", "100", "g", "2", "LIM-002", "0.5"),
                row("PRM1", "Citrus", "100", "lbs", "3", "ISO-003", "0.5"),
                row("PRM1", "Citrus", "100", "g", "1000", "BAD CODE", "0.5")));

        assertThat(read.problems()).extracting(FileProblem::row, FileProblem::field)
            .contains(tuple(3, "formula_code"), tuple(4, "batch_unit"), tuple(5, "line_no"),
                    tuple(5, "ingredient_code"));
        assertThat(read.problems()).extracting(FileProblem::row).isSorted();
        assertThat(read.formulas()).isEmpty();
    }

    @Test
    void listsAThousandProblemsAndSaysThereAreMore() {
        StringBuilder text = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < 600; i++) {
            text.append(row("PRM1", "Citrus", "100", "g", "1", "ETH-001", "x")).append("\r\n");
            text.append(row("PRM1", "Citrus", "100", "g", "2", "LIM-002", "y")).append("\r\n");
        }

        ReadFile read = readCsv(text.toString());

        assertThat(read.problems()).hasSize(FileValues.MAX_PROBLEMS + 1);
        assertThat(read.problems().get(0).row()).isZero();
        assertThat(read.problems().get(0).message()).contains("more problems than the 1000 listed");
    }

    @Test
    void countsRowsAsASpreadsheetDoesIncludingBlankRows() {
        ReadFile read = readCsv(HEADER + "\r\n\r\n" + row("PRM1", "Citrus", "100", "g", "1", "ETH-001", "x") + "\r\n");

        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.field()).isEqualTo("fraction");
        });
    }

    @Test
    void refusesZeroAndNegativeFractions() {
        ReadFile read = readCsv(csv(row("PRM1", "Citrus", "100", "g", "1", "ETH-001", "0"),
                row("PRM1", "Citrus", "100", "g", "2", "LIM-002", "-0.5"),
                row("PRM1", "Citrus", "100", "g", "3", "ISO-003", "1.5")));

        assertThat(read.problems()).filteredOn(p -> p.message().contains("must be greater than zero"))
            .extracting(FileProblem::row)
            .containsExactly(2, 3);
        assertThat(read.problems()).anySatisfy(problem -> {
            assertThat(problem.row()).isEqualTo(4);
            assertThat(problem.message()).contains("more than 1");
        });
    }

    @Test
    void refusesFractionsThatDoNotAddUpToOne() {
        ReadFile read = readCsv(csv(row("PRM1", "Citrus", "100", "g", "1", "ETH-001", "0.5"),
                row("PRM1", "Citrus", "100", "g", "2", "LIM-002", "0.495"),
                row("PRM2", "Wood", "100", "g", "1", "CED-001", "0.9999995"),
                row("PRM2", "Wood", "100", "g", "2", "VET-001", "0.0000004")));

        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(2);
            assertThat(problem.field()).isEqualTo("fraction");
            assertThat(problem.message())
                .isEqualTo("Fractions of PRM1 add up to 99.5 %; they must add up to 100 % (± 0.0001 %).");
        });
    }

    @Test
    void refusesAnIngredientTwiceInOneFormula() {
        ReadFile read = readCsv(csv(row("PRM1", "Citrus", "100", "g", "1", "ETH-001", "0.5"),
                row("PRM1", "Citrus", "100", "g", "2", "eth-001", "0.5")));

        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.field()).isEqualTo("ingredient_code");
            assertThat(problem.message()).contains("ETH-001", "twice", "row 2");
        });
    }

    @Test
    void refusesALineNumberTwiceInOneFormula() {
        ReadFile read = readCsv(csv(row("PRM1", "Citrus", "100", "g", "1", "ETH-001", "0.5"),
                row("PRM2", "Wood", "100", "g", "1", "CED-001", "1"),
                row("PRM1", "Citrus", "100", "g", "1", "LIM-002", "0.5")));

        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(4);
            assertThat(problem.field()).isEqualTo("line_no");
        });
    }

    @Test
    void refusesRowsOfOneFormulaThatDisagree() {
        ReadFile read = readCsv(csv(row("PRM1", "Citrus", "100", "g", "1", "ETH-001", "0.5"),
                row("PRM1", "Citrus fresh", "100.0", "G", "2", "LIM-002", "0.5")));

        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.field()).isEqualTo("formula_name");
            assertThat(problem.message()).contains("\"Citrus fresh\"", "\"Citrus\"", "row 2");
        });
    }

    @Test
    void asksForADotAsDecimalSeparator() {
        ReadFile read = readCsv(csv(row("PRM1", "Citrus", "1,000", "g", "1", "ETH-001", "0,78"),
                row("PRM1", "Citrus", "1,000", "g", "2", "LIM-002", "1e-2")));

        assertThat(read.problems()).filteredOn(p -> p.message().contains("dot as decimal separator"))
            .extracting(FileProblem::row, FileProblem::field)
            .contains(tuple(2, "batch_amount"), tuple(2, "fraction"), tuple(3, "fraction"));
    }

    @Test
    void acceptsADecimalWithoutLeadingZero() {
        ReadFile read = readCsv(csv(row("PRM1", "Citrus", "100", "g", "1", "ETH-001", ".78"),
                row("PRM1", "Citrus", "100", "g", "2", "LIM-002", "0.22")));

        assertThat(read.problems()).isEmpty();
        assertThat(read.formulas().get(0).lines().get(0).fraction()).isEqualTo(new BigDecimal("0.78"));
    }

    @Test
    void refusesAToleranceSideGivenInGramsAndPercent() {
        ReadFile read = readCsv(HEADER + "\r\nPRM1,Citrus,100,g,1,ETH-001,1,0.5,0.5,1,\r\n");

        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(2);
            assertThat(problem.field()).isEqualTo("tol_minus_pct");
            assertThat(problem.message()).contains("minus tolerance", "keep one");
        });
    }

    @Test
    void quotesTheOffendingValueShortAndWithoutControlCharacters() {
        String longName = "Name\u0007" + "x".repeat(300);

        ReadFile read = readCsv(csv(row("PRM1", longName, "100", "g", "1", "ETH-001", "1")));

        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("formula_name");
            assertThat(problem.message()).contains("\"Name\\u0007" + "x".repeat(35) + "…\"")
                .doesNotContain("\u0007")
                .doesNotContain("x".repeat(40));
        });
    }

    @Test
    void refusesABrokenQuoteWithTheRowWhereItBreaks() {
        ReadFile read = readCsv(
                csv(row("PRM1", "Citrus", "100", "g", "1", "ETH-001", "1")) + "PRM2,\"Wood\"x,100,g,1,CED-001,1\r\n");

        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.message()).contains("not valid CSV");
        });
    }

    // ---- JSON
    // --------------------------------------------------------------------------------------------

    @Test
    void readsJsonNumbersGivenAsNumbersOrText() {
        ReadFile read = readJson("""
                {"formulas": [{"code": "prm1", "name": "Citrus", "batchAmount": "100.50", "batchUnit": "ml",
                  "lines": [{"lineNo": 2, "ingredientCode": "ETH-001", "fraction": 0.1, "tolMinusPct": null},
                            {"lineNo": "1", "ingredientCode": "LIM-002", "fraction": "0.9", "tolPlusG": 0.50}]}]}
                """);

        assertThat(read.problems()).isEmpty();
        assertThat(read.formulas()).containsExactly(formula("PRM1", "Citrus", "100.5", "mL",
                line(1, "LIM-002", "0.9", null, "0.5", null, null), line(2, "ETH-001", "0.1", null, null, null, null)));
    }

    @Test
    void refusesMalformedJsonSayingWhereWithoutInternals() {
        ReadFile read = readJson("""
                {"formulas": [
                  {"code": "PRM1",
                   "name": "Citrus" "batchAmount": 1}]}
                """);

        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isZero();
            assertThat(problem.message()).startsWith("The file is not valid JSON at line 3, column")
                .doesNotContain("tools.jackson", "Exception", "Source", "`", "\tat ");
        });
    }

    @Test
    void refusesUnknownJsonProperties() {
        ReadFile read = readJson("""
                {"formulas": [{"code": "PRM1", "name": "Citrus", "batchAmount": 100, "batchUnit": "g", "colour": "x",
                  "lines": [{"lineNo": 1, "ingredientCode": "ETH-001", "fraction": 1, "tolerance": 2}]}]}
                """);

        assertThat(read.problems()).extracting(FileProblem::row, FileProblem::field)
            .containsExactly(tuple(1, "colour"), tuple(1, "lines[0].tolerance"));
        assertThat(read.problems().get(0).message()).contains("\"colour\"", "code, name, batchAmount");
    }

    @Test
    void refusesAJsonFormulaWithoutLines() {
        ReadFile read = readJson("""
                {"formulas": [{"code": "PRM1", "name": "Citrus", "batchAmount": 100, "batchUnit": "g", "lines": []},
                              {"code": "PRM2", "name": "Wood", "batchAmount": 100, "batchUnit": "g"}]}
                """);

        assertThat(read.problems()).extracting(FileProblem::row, FileProblem::field)
            .containsExactly(tuple(1, "lines"), tuple(2, "lines"));
    }

    @Test
    void reportsJsonProblemsByFormulaAndPropertyPath() {
        ReadFile read = readJson("""
                {"formulas": [
                  {"code": "PRM1", "name": "Citrus", "batchAmount": 100, "batchUnit": "g",
                   "lines": [{"lineNo": 1, "ingredientCode": "ETH-001", "fraction": 1}]},
                  {"code": "PRM1", "name": "", "batchAmount": -1, "batchUnit": "g",
                   "lines": [{"lineNo": 1, "ingredientCode": "ETH-001", "fraction": 0.5},
                             {"lineNo": 2, "ingredientCode": "LIM-002", "fraction": "0,5", "tolMinusG": -1}]}]}
                """);

        assertThat(read.problems()).extracting(FileProblem::row, FileProblem::field)
            .containsExactlyInAnyOrder(tuple(2, "code"), tuple(2, "name"), tuple(2, "batchAmount"),
                    tuple(2, "lines[1].fraction"), tuple(2, "lines[1].tolMinusG"));
    }

    @Test
    void refusesJsonThatIsNotAListOfFormulas() {
        assertThat(readJson("[1, 2]").problems()).singleElement()
            .satisfies(problem -> assertThat(problem.message()).contains("{\"formulas\": [ … ]}"));
        assertThat(readJson("{\"formulas\": []}").problems()).singleElement()
            .satisfies(problem -> assertThat(problem.field()).isEqualTo("formulas"));
        assertThat(readJson("{\"formulas\": [1]}").problems()).singleElement()
            .satisfies(problem -> assertThat(problem.row()).isEqualTo(1));
    }

    // ---- formats
    // -----------------------------------------------------------------------------------------

    @Test
    void findsAFormatByNameOrExtension() {
        assertThat(FileFormat.fromName("CSV")).contains(FileFormat.CSV);
        assertThat(FileFormat.fromName(".json")).contains(FileFormat.JSON);
        assertThat(FileFormat.fromName("xlsx")).isEmpty();
        assertThat(FileFormat.fromName(null)).isEmpty();
        assertThat(FileFormat.CSV.mediaType()).isEqualTo("text/csv");
        assertThat(FileFormat.JSON.mediaType()).isEqualTo("application/json");
    }

    // ---- robustness
    // --------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("randomFiles")
    void neverThrowsForWhatIsInAFile(FileFormat format, byte[] bytes) {
        assertThatCode(() -> {
            ReadFile read = FormulaFiles.read(format, bytes);
            assertThat(read.problems()).extracting(FileProblem::message).doesNotContain(FormulaFiles.UNREADABLE);
            assertThat(read.ok() || read.formulas().isEmpty()).isTrue();
        }).doesNotThrowAnyException();
    }

    /**
     * 500 files from a fixed seed: random bytes, random tokens, and valid files with
     * random damage.
     */
    static Stream<Arguments> randomFiles() {
        Random random = new Random(20240611L);
        byte[] validCsv = FormulaFiles.write(FileFormat.CSV, List.of(citrus(), wood()));
        byte[] validJson = FormulaFiles.write(FileFormat.JSON, List.of(citrus(), wood()));
        String[] tokens = { ",", "\"", "\r\n", "\n", "{", "}", "[", "]", ":", "null", "-", ".", "0", "1e9", "'=",
                "formulas", "lines", "fraction", "percent", HEADER, "PRM1", "é", "\uFEFF", " ", "999", "1.5", ";" };
        return IntStream.range(0, 500).mapToObj(i -> {
            FileFormat format = i % 2 == 0 ? FileFormat.CSV : FileFormat.JSON;
            byte[] bytes = switch (i % 5) {
                case 0 -> randomBytes(random, random.nextInt(300));
                case 1 -> randomTokens(random, tokens).getBytes(UTF_8);
                default -> damage(random, format == FileFormat.CSV ? validCsv : validJson);
            };
            return Arguments.of(format, bytes);
        });
    }

    // ---- test data
    // ---------------------------------------------------------------------------------------

    private static FormulaDocument citrus() {
        return formula("PRM00936", "Fresh citrus", "100", "g", line(1, "ETH-001", "0.78", "0.5", "0.5", null, null),
                line(2, "LIM-002", "0.22", null, null, "1", "1"));
    }

    private static FormulaDocument wood() {
        return formula("PRM00937", "=Wood", "2.5", "kg", line(1, "CED-001", "1", null, null, null, null));
    }

    private static FormulaDocument formula(String code, String name, String amount, String unit,
            FormulaDocument.Line... lines) {
        return new FormulaDocument(code, name, new BigDecimal(amount), unit, List.of(lines));
    }

    private static FormulaDocument.Line line(int lineNo, String ingredient, String fraction, String minusG,
            String plusG, String minusPct, String plusPct) {
        return new FormulaDocument.Line(lineNo, ingredient, new BigDecimal(fraction), decimal(minusG), decimal(plusG),
                decimal(minusPct), decimal(plusPct));
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    /**
     * A CSV row with the required columns, in the order of {@link #HEADER}, without
     * tolerances.
     */
    private static String row(String code, String name, String amount, String unit, String lineNo, String ingredient,
            String fraction) {
        return String.join(",", quoted(code), quoted(name), quoted(amount), quoted(unit), lineNo, quoted(ingredient),
                quoted(fraction), "", "", "", "");
    }

    private static String quoted(String cell) {
        return cell.contains(",") ? "\"" + cell + "\"" : cell;
    }

    private static String csv(String... rows) {
        return HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    private static ReadFile readCsv(String text) {
        return FormulaFiles.read(FileFormat.CSV, text.getBytes(UTF_8));
    }

    private static ReadFile readJson(String text) {
        return FormulaFiles.read(FileFormat.JSON, text.getBytes(UTF_8));
    }

    private static String csvText(byte[] written) {
        return new String(written, UTF_8).substring(1);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String randomTokens(Random random, String[] tokens) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(200); n > 0; n--) {
            text.append(tokens[random.nextInt(tokens.length)]);
        }
        return text.toString();
    }

    private static byte[] damage(Random random, byte[] valid) {
        byte[] bytes = valid.clone();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(3)) {
                case 0 -> bytes[at] = (byte) (32 + random.nextInt(95));
                case 1 -> bytes = Arrays.copyOf(bytes, at);
                default -> bytes[at] = (byte) "\",.-{}[]0e;\n".charAt(random.nextInt(12));
            }
            if (bytes.length == 0) {
                break;
            }
        }
        return bytes;
    }

}
