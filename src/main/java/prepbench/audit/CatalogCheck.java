package prepbench.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import prepbench.formulas.FormulaVersion;
import prepbench.catalog.Ingredient;
import prepbench.catalog.IngredientManagement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue is what its chains say: a formula's versions (status, and for a version
 * released, retired or discarded its name, batch and every line with its tolerance) and
 * an ingredient's fields are replayed from their events and compared with the stored
 * rows; a difference is reported as altered, naming the field and the event. Drafts are
 * edited freely and prepared from never, so only their existence and status are compared.
 */
final class CatalogCheck {

    private CatalogCheck() {
    }

    /** What the events say about one version. */
    private static final class VersionState {

        String status;

        long statusEvent;

        Map<String, Object> description;

        long descriptionEvent;

    }

    static void formulaVersions(JsonMapper json, ChainWalk walk, List<AuditEvent> events,
            List<FormulaVersion> versions) {
        Map<Integer, VersionState> said = new HashMap<>();
        for (AuditEvent event : events) {
            JsonNode payload = payload(json, event);
            if (payload == null || !payload.has("versionNo")) {
                continue;
            }
            int versionNo = payload.get("versionNo").asInt();
            VersionState state = said.computeIfAbsent(versionNo, number -> new VersionState());
            switch (event.action()) {
                case "FORMULA_CREATED", "DRAFT_OPENED", "FORMULA_IMPORTED" -> status(state, "draft", event);
                case "VERSION_RELEASED" -> {
                    status(state, "released", event);
                    describe(state, payload, event);
                }
                case "VERSION_RETIRED" -> status(state, "retired", event);
                case "DRAFT_DISCARDED" -> {
                    status(state, "retired", event);
                    describe(state, payload, event);
                }
                case "DEMO_VERSION_WRITTEN" -> {
                    status(state, text(payload.get("status")), event);
                    describe(state, payload, event);
                }
                default -> {
                    // saves of a draft, refusals: no status, no content on record
                }
            }
        }
        for (FormulaVersion version : versions) {
            String name = "version " + version.versionNo();
            VersionState state = said.remove(version.versionNo());
            if (state == null || state.status == null) {
                walk.problem(null, AuditProblem.Kind.ALTERED, name, "the record has version " + version.versionNo()
                        + " (" + version.status().code() + "), and no event created it");
                continue;
            }
            walk.differs(name + " status", version.status().code(), state.status, state.statusEvent);
            if (state.description != null && !version.isDraft()) {
                Map<String, Object> recorded = version.recordedDescription();
                for (String field : List.of("name", "batch", "lines")) {
                    walk.differs(name + " " + field, normalised(recorded.get(field)),
                            normalised(state.description.get(field)), state.descriptionEvent);
                }
            }
        }
        said.forEach((versionNo, state) -> {
            if (state.status != null) {
                walk.problem(null, AuditProblem.Kind.ALTERED, "version " + versionNo, "event " + state.statusEvent
                        + " recorded version " + versionNo + ", and the record has no such version");
            }
        });
    }

    static void ingredient(JsonMapper json, ChainWalk walk, List<AuditEvent> events, Optional<Ingredient> ingredient) {
        Map<String, Object> fields = null;
        Map<String, Long> setBy = new HashMap<>();
        for (AuditEvent event : events) {
            JsonNode payload = payload(json, event);
            if (payload == null) {
                continue;
            }
            if (event.action().equals("INGREDIENT_CREATED")) {
                fields = new LinkedHashMap<>();
                for (var entry : payload.properties()) {
                    fields.put(entry.getKey(), value(entry.getValue()));
                    setBy.put(entry.getKey(), event.id());
                }
            }
            else if (event.action().equals("INGREDIENT_CHANGED") && fields != null) {
                for (var entry : payload.properties()) {
                    fields.put(entry.getKey(), value(entry.getValue().get("new")));
                    setBy.put(entry.getKey(), event.id());
                }
            }
        }
        if (ingredient.isEmpty()) {
            return;
        }
        if (fields == null) {
            walk.problem(null, AuditProblem.Kind.ALTERED, "ingredient",
                    "the record has the ingredient, and no event " + "created it");
            return;
        }
        for (var entry : IngredientManagement.recordedFields(ingredient.get()).entrySet()) {
            walk.differs(entry.getKey(), entry.getValue(), fields.get(entry.getKey()),
                    setBy.getOrDefault(entry.getKey(), 0L));
        }
    }

    private static void status(VersionState state, String status, AuditEvent event) {
        state.status = status;
        state.statusEvent = event.id();
    }

    private static void describe(VersionState state, JsonNode payload, AuditEvent event) {
        Map<String, Object> description = new HashMap<>();
        description.put("name", text(payload.get("name")));
        description.put("batch", text(payload.get("batch")));
        List<String> lines = new ArrayList<>();
        JsonNode recorded = payload.get("lines");
        if (recorded != null) {
            recorded.forEach(line -> lines.add(line.asString()));
        }
        description.put("lines", lines);
        state.description = description;
        state.descriptionEvent = event.id();
    }

    private static Object normalised(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : value;
    }

    private static JsonNode payload(JsonMapper json, AuditEvent event) {
        try {
            return json.readTree(event.payload());
        }
        catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isBoolean() ? (Object) node.asBoolean() : node.asString();
    }

}
