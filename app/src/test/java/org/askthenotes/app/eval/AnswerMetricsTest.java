package org.askthenotes.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnswerMetricsTest {

    private static final List<List<String>> FACTS = List.of(List.of("alpha"), List.of("beta"));
    private static final GoldenQuestion ANSWERABLE = new GoldenQuestion("a", "?", "en",
            List.of(new GoldenQuestion.Relevant("n.md", List.of("H"), 1)), FACTS, false);
    private static final GoldenQuestion OFF_TOPIC = new GoldenQuestion("o", "?", "en", List.of(), List.of(), true);

    // Fact scores as they would be for an answerable question; off-topic questions are not counted in them.
    private static final AnswerOutcome ABSTAINED = outcome(true, false, false, "Not in the notes.");
    private static final AnswerOutcome GOOD = outcome(false, true, true, "alpha and beta [1]");
    private static final AnswerOutcome CITES_OTHER = outcome(false, false, true, "only alpha [1]");
    private static final AnswerOutcome UNGROUNDED = outcome(false, true, false, "beta, alpha [1]");
    private static final AnswerOutcome HALF_RELEVANT = new AnswerOutcome(false, true, true, 2, 1, "alpha [1], beta [2]",
            FactScore.of(FACTS, "alpha [1], beta [2]", false));

    private static AnswerOutcome outcome(boolean abstained, boolean cited, boolean grounded, String text) {
        return new AnswerOutcome(abstained, cited, grounded, abstained ? 0 : 1, cited ? 1 : 0, text,
                FactScore.of(FACTS, text, abstained));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("all right",
                        List.of(ANSWERABLE, ANSWERABLE, OFF_TOPIC), List.of(GOOD, GOOD, ABSTAINED),
                        new AnswerMetrics(1, 1, 1, 1, 1, 1, 1)),
                // a false abstention costs precision and the facts it did not state, not citation accuracy
                Arguments.of("false abstention",
                        List.of(ANSWERABLE, ANSWERABLE, OFF_TOPIC), List.of(ABSTAINED, GOOD, ABSTAINED),
                        new AnswerMetrics(0.5, 1, 1, 1, 1, 0.5, 0.5)),
                // an answered off-topic question costs recall and counts in the grounding rate
                Arguments.of("answered off-topic",
                        List.of(ANSWERABLE, OFF_TOPIC, OFF_TOPIC), List.of(GOOD, UNGROUNDED, ABSTAINED),
                        new AnswerMetrics(1, 0.5, 1, 1, 0.5, 1, 1)),
                // half the facts of two answers: recall (1 + 0.5 + 0.5 + 1) / 4, two of four complete
                Arguments.of("cites another section",
                        List.of(ANSWERABLE, ANSWERABLE, ANSWERABLE, ANSWERABLE),
                        List.of(GOOD, CITES_OTHER, CITES_OTHER, UNGROUNDED),
                        new AnswerMetrics(1, 1, 0.5, 0.5, 0.75, 0.75, 0.5)),
                // never abstaining with off-topic questions present: precision 0, not undefined
                Arguments.of("never abstains",
                        List.of(ANSWERABLE, OFF_TOPIC), List.of(GOOD, CITES_OTHER),
                        new AnswerMetrics(0, 0, 1, 1, 1, 1, 1)),
                Arguments.of("abstains on everything",
                        List.of(ANSWERABLE, OFF_TOPIC), List.of(ABSTAINED, ABSTAINED),
                        new AnswerMetrics(0.5, 1, 1, 1, 1, 0, 0)),
                // nothing to count: no answerable question has facts, so no fact metric (asMap leaves them out)
                Arguments.of("no facts",
                        List.of(OFF_TOPIC), List.of(ABSTAINED),
                        new AnswerMetrics(1, 1, 1, 1, 1, Double.NaN, Double.NaN)),
                // one relevant section of the two an answer cites: accurate, half precise
                Arguments.of("cites a relevant section and another",
                        List.of(ANSWERABLE, ANSWERABLE), List.of(GOOD, HALF_RELEVANT),
                        new AnswerMetrics(1, 1, 1, 0.75, 1, 1, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void computesAbstentionCitationGroundingAndFacts(String label, List<GoldenQuestion> questions,
            List<AnswerOutcome> outcomes, AnswerMetrics expected) {
        assertEquals(expected, AnswerMetrics.of(questions, outcomes));
    }
}
