package prepbench.transfer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import prepbench.entry.Text;
import prepbench.formulas.ToleranceOverride;

/** The JSON layout of formula files, as {@link FormulaFiles} describes it. */
final class FormulaJson {

    private static final List<String> FILE_PROPERTIES = List.of("formulas");

    private static final List<String> FORMULA_PROPERTIES = List.of("code", "name", "batchAmount", "batchUnit", "lines");

    private static final List<String> LINE_PROPERTIES = List.of("lineNo", "ingredientCode", "fraction", "tolMinusG",
            "tolPlusG", "tolMinusPct", "tolPlusPct");

    /**
     * Decimals stay exact both ways; a key given twice is an error, not "the last one
     * wins".
     */
    private static final JsonMapper MAPPER = JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .build();

    /** What a file holds, as problems show it. */
    static final String SHAPE = "{\"formulas\": [ … ]}";

    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter().withObjectIndenter(INDENTER)
        .withArrayIndenter(INDENTER);

    private FormulaJson() {
    }

    static List<FormulaDocument> read(String text, FileValues values) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        }
        catch (JacksonException malformed) {
            values.report(0, "", notJson(malformed));
            return List.of();
        }
        if (root == null || !root.isObject()) {
            values.report(0, "", Text.of("entry.file.json.not-an-object", SHAPE));
            return List.of();
        }
        refuseUnknown(root, FILE_PROPERTIES, 0, "", values);
        JsonNode formulas = root.get("formulas");
        if (formulas == null || formulas.isNull()) {
            values.report(0, "formulas", Text.of("entry.file.json.no-formulas", "formulas", SHAPE));
            return List.of();
        }
        if (!formulas.isArray()) {
            values.report(0, "formulas", Text.of("entry.file.json.formulas-not-a-list", "formulas"));
            return List.of();
        }
        if (formulas.isEmpty()) {
            values.report(0, "formulas", Text.of("entry.file.json.no-formula"));
            return List.of();
        }
        List<FormulaDocument> read = new ArrayList<>();
        Map<String, Integer> rowOfCode = new HashMap<>();
        for (int i = 0; i < formulas.size(); i++) {
            int row = i + 1;
            JsonNode formula = formulas.get(i);
            if (!formula.isObject()) {
                values.report(row, "", Text.of("entry.file.json.formula-not-an-object", row, "{ \"code\": … }"));
                continue;
            }
            FormulaDraft draft = readFormula(formula, row, rowOfCode, values);
            if (draft != null) {
                read.add(draft.asDocument());
            }
        }
        return read;
    }

    /**
     * Reads one formula and checks it; answers null when its code is missing, wrong or
     * repeated.
     */
    private static FormulaDraft readFormula(JsonNode formula, int row, Map<String, Integer> rowOfCode,
            FileValues values) {
        refuseUnknown(formula, FORMULA_PROPERTIES, row, "", values);
        String code = values.formulaCode(cell(formula, "code", row, "code"));
        String name = values.formulaName(cell(formula, "name", row, "name"));
        BigDecimal batchAmount = values.batchAmount(cell(formula, "batchAmount", row, "batchAmount"));
        String batchUnit = values.batchUnit(cell(formula, "batchUnit", row, "batchUnit"));
        boolean first = false;
        if (code != null) {
            Integer earlier = rowOfCode.putIfAbsent(code, row);
            first = earlier == null;
            if (!first) {
                values.report(row, "code", Text.of("entry.file.json.formula-twice", code, earlier));
            }
        }
        FormulaDraft draft = code != null ? new FormulaDraft(code, row)
                : new FormulaDraft("number " + row, Text.of("entry.file.formula-number", row), row);
        draft.describe(name, batchAmount, batchUnit);
        JsonNode lines = formula.get("lines");
        if (lines == null || lines.isNull() || (lines.isArray() && lines.isEmpty())) {
            values.report(row, "lines", Text.of("entry.file.json.no-lines"));
            return first ? draft : null;
        }
        if (!lines.isArray()) {
            values.report(row, "lines", Text.of("entry.file.json.lines-not-a-list", "lines"));
            return first ? draft : null;
        }
        for (int k = 0; k < lines.size(); k++) {
            readLine(lines.get(k), row, "lines[" + k + "]", draft, values);
        }
        draft.checkSum(values, "lines");
        return first ? draft : null;
    }

    private static void readLine(JsonNode line, int row, String path, FormulaDraft draft, FileValues values) {
        if (!line.isObject()) {
            values.report(row, path, Text.of("entry.file.json.line-not-an-object", "{ \"lineNo\": … }"));
            return;
        }
        refuseUnknown(line, LINE_PROPERTIES, row, path + ".", values);
        FileCell lineNoCell = cell(line, "lineNo", row, path + ".lineNo");
        FileCell ingredientCell = cell(line, "ingredientCode", row, path + ".ingredientCode");
        Integer lineNo = values.lineNo(lineNoCell);
        String ingredient = values.ingredientCode(ingredientCell);
        BigDecimal fraction = values.fraction(cell(line, "fraction", row, path + ".fraction"));
        ToleranceOverride tolerance = values.tolerance(cell(line, "tolMinusG", row, path + ".tolMinusG"),
                cell(line, "tolPlusG", row, path + ".tolPlusG"), cell(line, "tolMinusPct", row, path + ".tolMinusPct"),
                cell(line, "tolPlusPct", row, path + ".tolPlusPct"));
        draft.addLine(values, path, lineNoCell, lineNo, ingredientCell, ingredient, fraction, tolerance);
    }

    private static FileCell cell(JsonNode object, String property, int row, String field) {
        JsonNode value = object.get(property);
        if (value == null || value.isNull()) {
            return FileCell.absent(row, field);
        }
        if (value.isString()) {
            return FileCell.text(row, field, value.stringValue());
        }
        if (value.isNumber()) {
            return FileCell.number(row, field, value.decimalValue());
        }
        return FileCell.other(row, field, value.toString());
    }

    private static void refuseUnknown(JsonNode object, List<String> known, int row, String prefix, FileValues values) {
        for (String name : object.propertyNames()) {
            if (!known.contains(name)) {
                values.report(row, prefix + name,
                        Text.of("entry.file.json.unknown-property", FileValues.quote(name), String.join(", ", known)));
            }
        }
    }

    /**
     * Says where the JSON breaks, in the parser's words (English, as the parser has them)
     * but without its internals.
     */
    private static Text notJson(JacksonException malformed) {
        TokenStreamLocation location = malformed.getLocation();
        boolean at = location != null && location.getLineNr() > 0;
        String detail = parserDetail(malformed.getOriginalMessage());
        if (detail.isEmpty()) {
            return at ? Text.of("entry.file.json.invalid-at", location.getLineNr(), location.getColumnNr())
                    : Text.of("entry.file.json.invalid");
        }
        return at ? Text.of("entry.file.json.invalid-at-detail", location.getLineNr(), location.getColumnNr(), detail)
                : Text.of("entry.file.json.invalid-detail", detail);
    }

    private static String parserDetail(String original) {
        if (original == null) {
            return "";
        }
        String detail = original.lines().findFirst().orElse("");
        for (String internals : List.of(" (start marker", ": enable", " at [Source")) {
            int at = detail.indexOf(internals);
            if (at >= 0) {
                detail = detail.substring(0, at);
            }
        }
        if (detail.contains("`") || detail.contains("Source") || detail.contains("java.")) {
            return "";
        }
        return FileValues.visible(detail, 160);
    }

    static String write(List<FormulaDocument> formulas) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("formulas");
        for (FormulaDocument formula : formulas) {
            ObjectNode written = list.addObject();
            written.put("code", formula.code());
            written.put("name", formula.name());
            written.put("batchAmount", formula.batchAmount());
            written.put("batchUnit", formula.batchUnit());
            ArrayNode lines = written.putArray("lines");
            for (FormulaDocument.Line line : formula.lines()) {
                ObjectNode writtenLine = lines.addObject();
                writtenLine.put("lineNo", line.lineNo());
                writtenLine.put("ingredientCode", line.ingredientCode());
                writtenLine.put("fraction", line.fraction());
                putIfGiven(writtenLine, "tolMinusG", line.tolMinusG());
                putIfGiven(writtenLine, "tolPlusG", line.tolPlusG());
                putIfGiven(writtenLine, "tolMinusPct", line.tolMinusPct());
                putIfGiven(writtenLine, "tolPlusPct", line.tolPlusPct());
            }
        }
        return MAPPER.writer().with(PRETTY).writeValueAsString(root) + "\n";
    }

    private static void putIfGiven(ObjectNode object, String property, BigDecimal value) {
        if (value != null) {
            object.put(property, value);
        }
    }

}
