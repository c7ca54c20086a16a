package org.askthenotes.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegressionCheckTest {

    private static final RegressionThresholds NDCG_0700 =
            new RegressionThresholds("scifact.hybrid.test-model", Map.of("ndcg@10", 0.7000), 0.0050);

    static Stream<Arguments> comparisons() {
        return Stream.of(
                Arguments.of("equal", 0.7000, true, false),
                Arguments.of("within tolerance below", 0.6951, true, false),
                Arguments.of("exactly at the tolerance", 0.6950, true, false),
                // 0.69496 is 0.6950 to the file's 4 decimals
                Arguments.of("rounds to the edge", 0.69496, true, false),
                Arguments.of("just past the tolerance", 0.6949, false, false),
                Arguments.of("far below", 0.5, false, false),
                Arguments.of("within tolerance above", 0.7050, true, false),
                Arguments.of("improved beyond tolerance", 0.7100, true, true));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("comparisons")
    void failsOnlyBelowExpectedMinusTolerance(String label, double actual, boolean ok, boolean improved) {
        RegressionCheck check = RegressionCheck.of(NDCG_0700, Map.of("ndcg@10", actual, "mrr@10", 0.1));
        assertEquals(ok, check.passed());
        assertEquals(improved, !check.improvements().isEmpty());
        assertEquals(1, check.rows().size(), "metrics the file does not name are not checked");
        assertEquals(actual - 0.7, check.rows().get(0).delta(), 1e-12);
    }

    @Test
    void printsExpectedActualDeltaAndStatusPerMetric() {
        RegressionThresholds thresholds = new RegressionThresholds("golden.hybrid.m",
                Map.of("mrr@10", 0.9000, "recall@5", 0.9500), 0.0);
        RegressionCheck check = RegressionCheck.of(thresholds, Map.of("mrr@10", 0.8512, "recall@5", 0.96));
        List<String> lines = check.table().lines().toList();
        assertEquals("golden.hybrid.m (tolerance 0.0000)", lines.get(0));
        assertEquals(List.of("metric", "expected", "actual", "delta", "status"), List.of(lines.get(1).trim().split("\\s+")));
        assertEquals(List.of("mrr@10", "0.9000", "0.8512", "-0.0488", "FAIL"), List.of(lines.get(2).trim().split("\\s+")));
        assertEquals(List.of("recall@5", "0.9500", "0.9600", "+0.0100", "OK"), List.of(lines.get(3).trim().split("\\s+")));
        assertTrue(lines.get(4).startsWith("improved beyond tolerance: recall@5"), lines.get(4));
        RegressionCheck.RegressionFailure failure =
                assertThrows(RegressionCheck.RegressionFailure.class, check::requirePassed);
        assertTrue(failure.getMessage().startsWith("1 metric(s) below threshold"), failure.getMessage());
    }

    @Test
    void printsATinyNegativeDeltaAsZero() {
        RegressionCheck check = RegressionCheck.of(NDCG_0700, Map.of("ndcg@10", 0.69998));
        assertTrue(check.table().contains("+0.0000  OK"), check.table());
    }

    @Test
    void failsAMetricThatWasNotMeasured() {
        RegressionCheck check = RegressionCheck.of(NDCG_0700, Map.of("mrr@10", 0.9));
        assertFalse(check.passed());
        assertTrue(check.table().contains("missing"), check.table());
    }

    @Test
    void writesAndReadsThresholdsFiles(@TempDir Path dir) throws IOException {
        Path file = RegressionThresholds.file(dir, "scifact", "hybrid", "all-minilm-l6-v2");
        assertEquals("scifact.hybrid.all-minilm-l6-v2.properties", file.getFileName().toString());
        Map<String, Double> measured = new HashMap<>(Map.of("ndcg@10", 0.70123456, "recall@100", 0.9));
        new RegressionThresholds("ignored", roundedAll(measured), 0.005).write(file, "measured by\n  atn eval --beir x");
        String text = Files.readString(file);
        assertEquals("""
                # measured by
                #   atn eval --beir x
                tolerance=0.0050
                ndcg@10=0.7012
                recall@100=0.9000
                """, text);
        RegressionThresholds read = RegressionThresholds.read(file);
        assertEquals("scifact.hybrid.all-minilm-l6-v2", read.name());
        assertEquals(Map.of("ndcg@10", 0.7012, "recall@100", 0.9), read.expected());
        assertEquals(0.005, read.tolerance());
    }

    @Test
    void namesFileAndKeyOfABadThresholdsFile(@TempDir Path dir) throws IOException {
        Path noTolerance = dir.resolve("a.properties");
        Files.writeString(noTolerance, "ndcg@10=0.5\n");
        assertEquals(noTolerance + ": missing 'tolerance'",
                assertThrows(IOException.class, () -> RegressionThresholds.read(noTolerance)).getMessage());
        Path badValue = dir.resolve("b.properties");
        Files.writeString(badValue, "tolerance=0\nndcg@10=high\n");
        assertEquals(badValue + ": 'ndcg@10' is not a number: 'high'",
                assertThrows(IOException.class, () -> RegressionThresholds.read(badValue)).getMessage());
    }

    private static Map<String, Double> roundedAll(Map<String, Double> values) {
        values.replaceAll((metric, value) -> RegressionThresholds.round(value));
        return values;
    }
}
