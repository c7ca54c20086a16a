package org.askthenotes.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EvaluationTest {

    /**
     * q1: relevant a (grade 1), found at rank 2. q2: relevant c, missing from the run: counts as 0.
     * q3: only a judged-not-relevant doc: not evaluated. q4: in the run but not in qrels: ignored.
     */
    private static final Qrels QRELS = new Qrels(Map.of(
            "q1", Map.of("a", 1, "z", 0),
            "q2", Map.of("c", 1),
            "q3", Map.of("a", 0)));
    private static final Run RUN = new Run(Map.of(
            "q1", List.of(new ScoredDoc("b", 3.0), new ScoredDoc("a", 2.0), new ScoredDoc("z", 1.0)),
            "q3", List.of(new ScoredDoc("a", 1.0)),
            "q4", List.of(new ScoredDoc("c", 1.0))));

    static Stream<Arguments> means() {
        return Stream.of(
                Arguments.of("mrr@10", (0.5 + 0) / 2),
                Arguments.of("recall@1", 0.0),
                Arguments.of("recall@2", (1.0 + 0) / 2),
                Arguments.of("ndcg@10", (1 / log2(3) + 0) / 2));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("means")
    void averagesOverQrelsQueriesWithARelevantDoc(String metric, double expected) {
        Evaluation evaluation = Evaluation.of(QRELS, RUN, List.of(Metric.parse(metric)));
        assertEquals(2, evaluation.queries());
        assertEquals(java.util.Set.of("q1", "q2"), evaluation.perQuery().keySet());
        assertEquals(expected, evaluation.mean(metric), 1e-12);
    }

    static Stream<Arguments> ties() {
        return Stream.of(
                // equal scores: trec_eval puts the larger doc id first, whatever order the list came in
                Arguments.of(List.of(new ScoredDoc("a", 1.0), new ScoredDoc("b", 1.0)), List.of("b", "a"), 0.5),
                Arguments.of(List.of(new ScoredDoc("b", 1.0), new ScoredDoc("a", 1.0)), List.of("b", "a"), 0.5),
                // strcmp order, not numeric: "9" sorts after "10"
                Arguments.of(List.of(new ScoredDoc("10", 1.0), new ScoredDoc("9", 1.0)), List.of("9", "10"), 0.0),
                // a higher score wins over the doc id
                Arguments.of(List.of(new ScoredDoc("b", 1.0), new ScoredDoc("a", 2.0)), List.of("a", "b"), 1.0));
    }

    @ParameterizedTest
    @MethodSource("ties")
    void ranksByScoreThenDocIdDescending(List<ScoredDoc> docs, List<String> expectedRanking, double expectedMrr) {
        Run run = new Run(Map.of("q", docs));
        assertEquals(expectedRanking, run.ranking("q"));
        Qrels qrels = new Qrels(Map.of("q", Map.of("a", 1)));
        assertEquals(expectedMrr, Evaluation.of(qrels, run, List.of(Metric.parse("mrr@10"))).mean("mrr@10"), 1e-12);
    }

    @Test
    void refusesADocRetrievedTwiceForOneQuery() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Run(Map.of("q", List.of(new ScoredDoc("a", 2), new ScoredDoc("a", 1)))));
        assertEquals("query 'q' retrieves doc 'a' twice", e.getMessage());
    }

    @Test
    void namesAnUncomputedMetric() {
        Evaluation evaluation = Evaluation.of(QRELS, RUN, List.of(Metric.parse("ndcg@10")));
        assertThrows(IllegalArgumentException.class, () -> evaluation.mean("recall@100"));
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
