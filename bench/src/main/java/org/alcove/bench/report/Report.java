package org.alcove.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of one run: the rows in table order and what the reader needs to judge them
 * (when, on what, pinned or not, quick or full). Rendered as a terminal table, Markdown and JSON
 * from the same rows, so the three never disagree.
 */
public final class Report {
    private static final String[] HEADERS = {"Scenario", "Metric", "Alcove", "Baseline", "Ratio", "Target", "Result"};

    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();

    /** Adds a fact about the run (date, machine, pinning, JVM options). */
    public void describe(String key, String value) {
        environment.put(key, value);
    }

    /**
     * Adds a row after the others of its scenario and before those of higher-numbered scenarios
     * (scenarios run in another order: cold start last, because it stops the shared server).
     */
    public void add(Row row) {
        int at = rows.size();
        while (at > 0 && number(rows.get(at - 1)) > number(row)) {
            at--;
        }
        rows.add(at, row);
    }

    /** The scenario's number, from the leading digits of its label; unnumbered rows go last. */
    private static int number(Row row) {
        String label = row.scenario();
        int digits = 0;
        while (digits < label.length() && Character.isDigit(label.charAt(digits))) {
            digits++;
        }
        return digits == 0 ? Integer.MAX_VALUE : Integer.parseInt(label.substring(0, digits));
    }

    /** A row failed its target (speed only; harness errors are exceptions, not rows). */
    public boolean anyFailed() {
        return rows.stream().anyMatch(row -> row.verdict() == Verdict.FAIL);
    }

    /** A fixed-width table for the terminal. */
    public String text() {
        List<String[]> cells = cells();
        int[] widths = new int[HEADERS.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < cells.size(); n++) {
            String[] line = cells.get(n);
            for (int i = 0; i < line.length; i++) {
                out.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", line[i]));
                out.append(i == line.length - 1 ? "" : "  ");
            }
            out.append('\n');
            if (n == 0) {
                for (int i = 0; i < widths.length; i++) {
                    out.append("-".repeat(widths[i])).append(i == widths.length - 1 ? "" : "  ");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The table as GitHub Markdown, the environment above it and every row's note below it. */
    public String markdown() {
        StringBuilder out = new StringBuilder("# Alcove benchmark results\n\n");
        environment.forEach((key, value) -> out.append("- **").append(key).append("**: ").append(value).append('\n'));
        out.append('\n');
        List<String[]> cells = cells();
        for (int n = 0; n < cells.size(); n++) {
            out.append("| ").append(String.join(" | ", cells.get(n))).append(" |\n");
            if (n == 0) {
                out.append("|").append("---|".repeat(HEADERS.length)).append('\n');
            }
        }
        out.append("\nNotes:\n\n");
        for (Row row : rows) {
            if (row.note() != null && !row.note().isBlank()) {
                out.append("- ").append(row.scenario()).append(", ").append(row.metric()).append(": ")
                        .append(row.note()).append('\n');
            }
        }
        return out.toString();
    }

    /** The same rows as JSON, with raw numbers (not rounded) for tools. */
    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode env = root.putObject("environment");
        environment.forEach(env::put);
        ArrayNode list = root.putArray("rows");
        for (Row row : rows) {
            ObjectNode node = list.addObject();
            node.put("scenario", row.scenario());
            node.put("metric", row.metric());
            node.put("unit", row.unit());
            node.put("alcove", row.alcove());
            node.put("baseline", row.baseline());
            node.put("ratio", row.ratio());
            node.put("target", row.target() == null ? null : row.target().text());
            node.put("result", row.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            node.put("runs", row.runs());
            node.put("note", row.note());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String[]> cells() {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADERS);
        for (Row row : rows) {
            cells.add(new String[] {
                    row.scenario(),
                    row.metric(),
                    figure(row.alcove(), row.unit()),
                    figure(row.baseline(), row.unit()),
                    row.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2fx", row.ratio()),
                    row.target() == null ? "-" : row.target().text(),
                    switch (row.verdict()) {
                        case PASS -> "pass";
                        case FAIL -> "FAIL";
                        case INFO -> "info";
                        case NOT_MEASURED -> "not yet measured";
                    }});
        }
        return cells;
    }

    /** Three significant digits are plenty for noisy numbers. */
    static String figure(Double value, String unit) {
        if (value == null) {
            return "-";
        }
        double abs = Math.abs(value);
        String number = abs >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : abs >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.2f", value);
        return unit == null || unit.isEmpty() ? number : number + " " + unit;
    }
}
