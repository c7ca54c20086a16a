package org.askthenotes.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetricTest {

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("ndcg@10", Metric.Kind.NDCG, 10, "ndcg@10"),
                Arguments.of("Recall@100", Metric.Kind.RECALL, 100, "recall@100"),
                Arguments.of(" mrr@10 ", Metric.Kind.MRR, 10, "mrr@10"));
    }

    @ParameterizedTest
    @MethodSource("names")
    void parsesMetricNames(String text, Metric.Kind kind, int k, String canonical) {
        Metric metric = Metric.parse(text);
        assertEquals(kind, metric.kind());
        assertEquals(k, metric.k());
        assertEquals(canonical, metric.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ndcg", "map@10", "recall@x", "recall@0", "ndcg@10@2"})
    void rejectsMalformedNamesNamingThem(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metric.parse(text));
        assertTrue(e.getMessage().contains(text.substring(0, Math.min(4, text.length()))), e.getMessage());
    }
}
