package prepbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes load results: a table on the console, JSON for machines, and a self-contained
 * HTML latency chart.
 */
final class LoadReport {

    private static final double[] PERCENTILES = { 50, 90, 99, 99.9 };

    private static final String[] COLOURS = { "#0d6efd", "#198754", "#dc3545", "#fd7e14", "#6f42c1", "#20c997" };

    private LoadReport() {
    }

    static String line(String label, LoadHarness.Result result) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%-28s %7.1f flows/s  errors %d  not found %d" + "  generator CPU %.0f %%%n", label,
                result.throughput(), result.errorCount(), result.notFound(), result.generatorCpuShare() * 100));
        result.latency()
            .forEach((operation,
                    histogram) -> text.append(String.format(Locale.ROOT,
                            "    %-6s n=%-7d p50 %7.2f  p90 %7.2f  p99 %7.2f  p99.9 %7.2f  max %7.2f ms%n", operation,
                            histogram.getTotalCount(), ms(histogram, 50), ms(histogram, 90), ms(histogram, 99),
                            ms(histogram, 99.9), histogram.getMaxValue() / 1e6)));
        if (!result.errors().isEmpty()) {
            text.append("    errors by kind: ").append(result.errors()).append('\n');
        }
        return text.toString();
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    static Map<String, Object> json(String label, LoadHarness.Result result) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("label", label);
        run.put("technicians", result.options().technicians().size());
        run.put("rate", result.options().rate());
        run.put("seconds", result.seconds());
        run.put("flows", result.flows());
        run.put("throughput", result.throughput());
        run.put("errors", result.errors());
        run.put("notFound", result.notFound());
        run.put("generatorCpuShare", result.generatorCpuShare());
        Map<String, Object> operations = new LinkedHashMap<>();
        result.latency().forEach((operation, histogram) -> {
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("count", histogram.getTotalCount());
            for (double percentile : PERCENTILES) {
                stats.put("p" + percentile + "Ms", ms(histogram, percentile));
            }
            stats.put("maxMs", histogram.getMaxValue() / 1e6);
            operations.put(operation, stats);
        });
        run.put("operations", operations);
        return run;
    }

    /** Writes {@code results.json} and {@code latency.html} into the folder. */
    static void write(Path folder, Map<String, Object> meta, Map<String, LoadHarness.Result> runs) throws IOException {
        Files.createDirectories(folder);
        List<Map<String, Object>> json = new ArrayList<>();
        runs.forEach((label, result) -> json.add(json(label, result)));
        Map<String, Object> document = new LinkedHashMap<>(meta);
        document.put("runs", json);
        Files.writeString(folder.resolve("results.json"),
                JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(document));
        Files.writeString(folder.resolve("latency.html"), html(meta, runs));
    }

    /**
     * Latency by percentile (log scale of 1/(1-p)), one line per run and operation, as
     * inline SVG.
     */
    private static String html(Map<String, Object> meta, Map<String, LoadHarness.Result> runs) {
        int width = 900;
        int height = 420;
        double maxMs = 1;
        for (var result : runs.values()) {
            for (var histogram : result.latency().values()) {
                maxMs = Math.max(maxMs, histogram.getValueAtPercentile(99.9) / 1e6);
            }
        }
        double top = Math.pow(10, Math.ceil(Math.log10(maxMs)));
        StringBuilder svg = new StringBuilder();
        StringBuilder legend = new StringBuilder();
        int colour = 0;
        for (var run : runs.entrySet()) {
            for (var operation : run.getValue().latency().entrySet()) {
                String stroke = COLOURS[colour++ % COLOURS.length];
                StringBuilder points = new StringBuilder();
                for (double p : new double[] { 0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99 }) {
                    double x = 50 + (width - 70) * Math.log10(1 / (1 - p / 100)) / 4;
                    double value = operation.getValue().getValueAtPercentile(p) / 1e6;
                    double y = height - 40 - (height - 60) * Math.min(1, value / top);
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                }
                svg.append("<polyline fill='none' stroke-width='2' stroke='")
                    .append(stroke)
                    .append("' points='")
                    .append(points)
                    .append("'/>");
                legend.append("<li><span style='color:")
                    .append(stroke)
                    .append("'>&#9632;</span> ")
                    .append(escape(run.getKey()))
                    .append(" · ")
                    .append(operation.getKey())
                    .append("</li>");
            }
        }
        StringBuilder axes = new StringBuilder();
        String[] labels = { "0%", "90%", "99%", "99.9%", "99.99%" };
        for (int i = 0; i <= 4; i++) {
            double x = 50 + (width - 70) * i / 4.0;
            axes.append(String.format(Locale.ROOT, "<text x='%.0f' y='%d' font-size='12'>%s</text>", x - 10,
                    height - 20, labels[i]));
        }
        for (int i = 0; i <= 4; i++) {
            double y = height - 40 - (height - 60) * i / 4.0;
            axes.append(String.format(Locale.ROOT, "<text x='0' y='%.0f' font-size='12'>%.2f ms</text>", y + 4,
                    top * i / 4));
            axes.append(String.format(Locale.ROOT, "<line x1='50' x2='%d' y1='%.0f' y2='%.0f' stroke='#ddd'/>",
                    width - 20, y, y));
        }
        return "<!doctype html><html><head><meta charset='utf-8'><title>PrepBench latency</title></head>"
                + "<body style='font-family:sans-serif'><h1>PrepBench latency by percentile</h1><p>"
                + escape(meta.toString()) + "</p><svg width='" + width + "' height='" + height + "'>" + axes + svg
                + "</svg><ul>" + legend + "</ul></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

}
