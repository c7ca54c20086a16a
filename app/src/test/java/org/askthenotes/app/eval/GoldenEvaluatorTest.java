package org.askthenotes.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.retrieval.Hit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How retrieved chunks become a run over relevant sections; the full pipeline runs in GoldenRegressionTest. */
class GoldenEvaluatorTest {

    private static final GoldenQuestion QUESTION = new GoldenQuestion("q", "How does temperature work?", "en", List.of(
            new GoldenQuestion.Relevant("llm.md", List.of("Inference"), 1),
            new GoldenQuestion.Relevant("llm.md", List.of("Inference", "Temperature"), 2)),
            List.of(List.of("randomness")), false);

    /** Ranks: 1 off-topic, 2 and 3 two chunks of the grade-2 section, 4 the grade-1 section, 5 another note. */
    private static final List<Hit> HITS = Stream.of(
            GoldenSetTest.chunk("llm.md", "Training"),
            GoldenSetTest.chunk("llm.md", "Inference", "Temperature", "Low"),
            GoldenSetTest.chunk("llm.md", "Inference", "Temperature", "High"),
            GoldenSetTest.chunk("llm.md", "Inference", "Top-k"),
            GoldenSetTest.chunk("rag.md", "Inference"))
            .map(GoldenEvaluatorTest::hit)
            .toList();

    @Test
    void countsEachRelevantSectionOnceAtItsBestChunkDroppingTheRest() {
        List<ScoredDoc> docs = GoldenEvaluator.rankedDocs(QUESTION, HITS);
        assertEquals(List.of("hit1", "r1", "r0", "hit5"), docs.stream().map(ScoredDoc::docId).toList());
        assertEquals(List.of(1.0, 0.5, 1.0 / 3, 0.25), docs.stream().map(ScoredDoc::score).toList());
    }

    static Stream<Arguments> metrics() {
        return Stream.of(
                Arguments.of("recall@1", 0.0),
                Arguments.of("recall@2", 0.5),
                Arguments.of("recall@3", 1.0),
                Arguments.of("recall@5", 1.0),
                Arguments.of("mrr@10", 0.5),
                // the duplicate at chunk rank 3 is dropped, so the grade-1 section counts at rank 3
                Arguments.of("ndcg@10", (2 / log2(3) + 1 / log2(4)) / (2 + 1 / log2(3))));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("metrics")
    void scoresSectionsWithTheirGrades(String metric, double expected) {
        Run run = new Run(Map.of("q", GoldenEvaluator.rankedDocs(QUESTION, HITS)));
        Evaluation evaluation = Evaluation.of(GoldenEvaluator.qrels(List.of(QUESTION)), run, List.of(Metric.parse(metric)));
        assertEquals(expected, evaluation.mean(metric), 1e-12);
    }

    private static Hit hit(Chunk chunk) {
        return new Hit(chunk, 0.5, 0, 0, 0, 0.5);
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
