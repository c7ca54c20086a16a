package org.askthenotes.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MetricsTest {

    /** d1 grade 2, d2 and d4 grade 1, d3 judged not relevant; d4 is never retrieved. */
    private static final Map<String, Integer> GRADED = Map.of("d1", 2, "d2", 1, "d3", 0, "d4", 1);
    private static final List<String> GRADED_RANKING = List.of("d3", "d1", "x", "d2");
    /** The ideal ranking of GRADED: grades 2, 1, 1. */
    private static final double GRADED_IDCG = 2 / log2(2) + 1 / log2(3) + 1 / log2(4);

    private static final Map<String, Integer> ONE_RELEVANT = Map.of("a", 1);

    static Stream<Arguments> cases() {
        return Stream.of(
                // graded relevance: relevant at ranks 2 (grade 2) and 4 (grade 1); a judged 0 at rank 1 counts as miss
                Arguments.of("graded", GRADED_RANKING, GRADED, "recall@1", 0.0),
                Arguments.of("graded", GRADED_RANKING, GRADED, "recall@3", 1.0 / 3),
                Arguments.of("graded", GRADED_RANKING, GRADED, "recall@5", 2.0 / 3),
                Arguments.of("graded", GRADED_RANKING, GRADED, "recall@10", 2.0 / 3),
                Arguments.of("graded", GRADED_RANKING, GRADED, "mrr@1", 0.0),
                Arguments.of("graded", GRADED_RANKING, GRADED, "mrr@10", 0.5),
                Arguments.of("graded", GRADED_RANKING, GRADED, "ndcg@1", 0.0),
                // linear gain: grade 2 at rank 2 contributes 2 / log2(3), not (2^2 - 1) / log2(3)
                Arguments.of("graded", GRADED_RANKING, GRADED, "ndcg@3",
                        (2 / log2(3)) / GRADED_IDCG),
                Arguments.of("graded", GRADED_RANKING, GRADED, "ndcg@10",
                        (2 / log2(3) + 1 / log2(5)) / GRADED_IDCG),
                // the cutoff also cuts the ideal ranking: ideal top 2 are grades 2 and 1
                Arguments.of("graded", GRADED_RANKING, GRADED, "ndcg@2",
                        (2 / log2(3)) / (2 + 1 / log2(3))),
                // the only relevant doc first: perfect everywhere
                Arguments.of("perfect", List.of("a", "b", "c"), ONE_RELEVANT, "recall@1", 1.0),
                Arguments.of("perfect", List.of("a", "b", "c"), ONE_RELEVANT, "mrr@10", 1.0),
                Arguments.of("perfect", List.of("a", "b", "c"), ONE_RELEVANT, "ndcg@10", 1.0),
                // relevant doc at rank 3
                Arguments.of("third", List.of("b", "c", "a"), ONE_RELEVANT, "mrr@10", 1.0 / 3),
                Arguments.of("third", List.of("b", "c", "a"), ONE_RELEVANT, "ndcg@10", 1 / log2(4)),
                Arguments.of("third", List.of("b", "c", "a"), ONE_RELEVANT, "recall@3", 1.0),
                Arguments.of("third", List.of("b", "c", "a"), ONE_RELEVANT, "recall@2", 0.0),
                // relevant doc just past the MRR cutoff
                Arguments.of("past cutoff", List.of("b", "c", "a"), ONE_RELEVANT, "mrr@2", 0.0),
                // nothing relevant retrieved
                Arguments.of("no relevant retrieved", List.of("b", "c"), ONE_RELEVANT, "recall@10", 0.0),
                Arguments.of("no relevant retrieved", List.of("b", "c"), ONE_RELEVANT, "mrr@10", 0.0),
                Arguments.of("no relevant retrieved", List.of("b", "c"), ONE_RELEVANT, "ndcg@10", 0.0),
                // nothing retrieved at all
                Arguments.of("empty ranking", List.of(), ONE_RELEVANT, "ndcg@10", 0.0),
                Arguments.of("empty ranking", List.of(), ONE_RELEVANT, "recall@100", 0.0));
    }

    @ParameterizedTest(name = "{0}: {3} = {4}")
    @MethodSource("cases")
    void scoresOneQueryAsTrecEvalDoes(String label, List<String> ranking, Map<String, Integer> judged, String metric,
            double expected) {
        assertEquals(expected, Metric.parse(metric).score(ranking, judged), 1e-12);
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
