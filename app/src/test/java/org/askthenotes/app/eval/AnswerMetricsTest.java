package org.askthenotes.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnswerMetricsTest {

    private static final GoldenQuestion ANSWERABLE = new GoldenQuestion("a", "?", "en",
            List.of(new GoldenQuestion.Relevant("n.md", List.of("H"), 1)), false);
    private static final GoldenQuestion OFF_TOPIC = new GoldenQuestion("o", "?", "en", List.of(), true);

    private static final AnswerOutcome ABSTAINED = new AnswerOutcome(true, false, false, 0);
    private static final AnswerOutcome GOOD = new AnswerOutcome(false, true, true, 1);
    private static final AnswerOutcome CITES_OTHER = new AnswerOutcome(false, false, true, 1);
    private static final AnswerOutcome UNGROUNDED = new AnswerOutcome(false, true, false, 1);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("all right",
                        List.of(ANSWERABLE, ANSWERABLE, OFF_TOPIC), List.of(GOOD, GOOD, ABSTAINED),
                        new AnswerMetrics(1, 1, 1, 1)),
                // a false abstention on an answerable question costs precision, not citation accuracy
                Arguments.of("false abstention",
                        List.of(ANSWERABLE, ANSWERABLE, OFF_TOPIC), List.of(ABSTAINED, GOOD, ABSTAINED),
                        new AnswerMetrics(0.5, 1, 1, 1)),
                // an answered off-topic question costs recall and counts in the grounding rate
                Arguments.of("answered off-topic",
                        List.of(ANSWERABLE, OFF_TOPIC, OFF_TOPIC), List.of(GOOD, UNGROUNDED, ABSTAINED),
                        new AnswerMetrics(1, 0.5, 1, 0.5)),
                Arguments.of("cites another section",
                        List.of(ANSWERABLE, ANSWERABLE, ANSWERABLE, ANSWERABLE),
                        List.of(GOOD, CITES_OTHER, CITES_OTHER, UNGROUNDED),
                        new AnswerMetrics(1, 1, 0.5, 0.75)),
                // never abstaining with off-topic questions present: precision 0, not undefined
                Arguments.of("never abstains",
                        List.of(ANSWERABLE, OFF_TOPIC), List.of(GOOD, CITES_OTHER),
                        new AnswerMetrics(0, 0, 1, 1)),
                Arguments.of("abstains on everything",
                        List.of(ANSWERABLE, OFF_TOPIC), List.of(ABSTAINED, ABSTAINED),
                        new AnswerMetrics(0.5, 1, 1, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void computesAbstentionCitationAndGrounding(String label, List<GoldenQuestion> questions,
            List<AnswerOutcome> outcomes, AnswerMetrics expected) {
        assertEquals(expected, AnswerMetrics.of(questions, outcomes));
    }
}
