package org.alcove.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    private static Report sample() {
        Report report = new Report();
        report.describe("pinning", "server on CPU 0");
        report.add(new Row("1 relay latency", "round trip p50", "µs", 130.0, 100.0, Target.atMost(1.2), 5, "two passes"));
        report.add(Row.notMeasured("7 browser", "Admit to video p50", null, "later"));
        return report;
    }

    @Test
    void markdown_has_the_table_with_ratio_target_and_verdict() {
        String markdown = sample().markdown();
        assertTrue(markdown.contains("| Scenario | Metric | Alcove | Baseline | Ratio | Target | Result |"), markdown);
        assertTrue(markdown.contains("| 1 relay latency | round trip p50 | 130 µs | 100 µs | 1.30x | ≤ 1.2x | FAIL |"), markdown);
        assertTrue(markdown.contains("| 7 browser | Admit to video p50 | - | - | - | - | not yet measured |"), markdown);
        assertTrue(markdown.contains("- **pinning**: server on CPU 0"), markdown);
        assertTrue(markdown.contains("- 1 relay latency, round trip p50: two passes"), markdown);
    }

    @Test
    void rows_are_in_scenario_order_whatever_order_the_scenarios_ran_in() {
        Report report = new Report();
        report.add(new Row("1 relay latency", "p50", "µs", 1.0, 1.0, null, 1, null));
        report.add(new Row("6 cold start", "start", "ms", 1.0, 1.0, null, 1, null));
        report.add(new Row("3 idle capacity", "held", "", 1.0, 1.0, null, 1, null));
        report.add(new Row("3 idle capacity", "heap", "B", 1.0, 1.0, null, 1, null));
        report.add(new Row("10 later", "x", "", 1.0, 1.0, null, 1, null));
        report.add(new Row("7 browser", "p50", "ms", 1.0, 1.0, null, 1, null));

        String markdown = report.markdown();
        int relay = markdown.indexOf("| 1 relay latency");
        int held = markdown.indexOf("| 3 idle capacity | held");
        int heap = markdown.indexOf("| 3 idle capacity | heap");
        int browser = markdown.indexOf("| 7 browser");
        int cold = markdown.indexOf("| 6 cold start");
        int later = markdown.indexOf("| 10 later");
        assertTrue(relay < held && held < heap && heap < cold && cold < browser && browser < later, markdown);
    }

    @Test
    void json_carries_the_same_rows_with_raw_numbers() throws Exception {
        JsonNode json = new ObjectMapper().readTree(sample().json());
        JsonNode first = json.path("rows").get(0);
        assertEquals(130.0, first.path("alcove").asDouble());
        assertEquals(1.3, first.path("ratio").asDouble(), 1e-9);
        assertEquals("fail", first.path("result").asText());
        JsonNode second = json.path("rows").get(1);
        assertTrue(second.path("alcove").isNull());
        assertEquals("not-measured", second.path("result").asText());
        assertEquals("server on CPU 0", json.path("environment").path("pinning").asText());
    }

    @Test
    void the_terminal_table_aligns_columns_under_the_header() {
        String[] lines = sample().text().split("\n");
        assertEquals(lines[0].indexOf("Metric"), lines[2].indexOf("round trip p50"));
        assertTrue(lines[1].startsWith("---"));
    }

    @Test
    void a_failed_target_is_reported_but_not_measured_rows_are_not_failures() {
        assertTrue(sample().anyFailed());
        Report onlyLater = new Report();
        onlyLater.add(Row.notMeasured("3 idle capacity", "participants", null, "later"));
        assertFalse(onlyLater.anyFailed());
    }

    @Test
    void figures_keep_three_significant_digits() {
        assertEquals("1234 ms", Report.figure(1234.4, "ms"));
        assertEquals("12.3 µs", Report.figure(12.34, "µs"));
        assertEquals("1.23", Report.figure(1.234, null));
    }
}
