package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.askthenotes.ingest.Language;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The offline assistant over a real index of the bundled notes: right notes cited, off-topic refused. */
class BundledNotesAnswerTest {
    /** Shares of the golden set the extractive pipeline must get right; measured values are in docs/generation.md. */
    private static final double MIN_RIGHT_NOTE = 0.8;
    private static final double MIN_OFF_TOPIC_ABSTAINED = 0.85;

    private static NotesAssistant assistant;

    @BeforeAll
    static void indexTheBundledNotes() {
        BundledNotes.assumePresent();
        assistant = BundledNotes.extractiveAssistant();
    }

    static Stream<Arguments> knownQuestions() {
        return Stream.of(
                Arguments.of("What is a foundation model?", "aif-c01-foundation-models.md"),
                Arguments.of("How does a diffusion model turn noise into an image?", "aif-c01-generative-model-types.md"),
                Arguments.of("What does the temperature parameter change?", "aif-c01-inference-parameters.md"),
                Arguments.of("What is retrieval-augmented generation?", "aif-c01-rag-vector-stores.md"),
                Arguments.of("什麼是提示工程？", "aif-c01-prompt-engineering.md"));
    }

    @ParameterizedTest
    @MethodSource("knownQuestions")
    void citesTheNoteThatAnswersAKnownQuestion(String question, String note) {
        Answer answer = assistant.ask(AskRequest.of(question), AnswerListener.NONE);

        assertFalse(answer.abstained(), question);
        assertEquals(note, firstCited(answer).notePath(), answer.text());
        assertTrue(answer.grounded(), answer.ungroundedSentences().toString());
        assertEquals(Language.of(question), Language.of(Citations.withoutMarkers(answer.text())), answer.text());
    }

    @Test
    void citesTheRightNoteForMostGoldenQuestionsAndRefusesMostOffTopicOnes() {
        List<String> wrong = new ArrayList<>();
        java.util.Map<String, Long> totals = new java.util.TreeMap<>();
        int answerable = 0;
        int right = 0;
        int offTopic = 0;
        int refused = 0;
        for (BundledNotes.Question q : BundledNotes.golden()) {
            Answer answer = assistant.ask(AskRequest.of(q.question()), AnswerListener.NONE);
            answer.timingsMs().forEach((stage, ms) -> totals.merge(stage, ms, Long::sum));
            assertEquals(answer.abstained() ? null : true, answer.grounded(),
                    q.id() + " extractive answers are grounded: " + answer.ungroundedSentences());
            if (q.offTopic()) {
                offTopic++;
                refused += answer.abstained() ? 1 : 0;
            } else {
                answerable++;
                boolean ok = !answer.abstained() && !answer.citations().isEmpty()
                        && firstCited(answer).notePath().equals(q.notePath());
                right += ok ? 1 : 0;
                if (!ok) {
                    boolean retrieved = Stream.concat(answer.citations().stream(), answer.alsoRetrieved().stream())
                            .anyMatch(c -> c.notePath().equals(q.notePath()));
                    wrong.add(q.id() + (retrieved ? "" : " (not retrieved)"));
                }
            }
        }
        System.out.printf("right note first: %d/%d; off-topic abstained: %d/%d; misses %s; total ms by stage %s%n",
                right, answerable, refused, offTopic, wrong, totals);
        assertTrue(right >= MIN_RIGHT_NOTE * answerable, right + "/" + answerable + " misses " + wrong);
        assertTrue(refused >= MIN_OFF_TOPIC_ABSTAINED * offTopic, refused + "/" + offTopic);
    }

    /** The source cited by the answer's first marker: the one its best sentence came from. */
    private static Citation firstCited(Answer answer) {
        int n = Citations.markers(answer.text()).iterator().next();
        return answer.citations().stream().filter(c -> c.n() == n).findFirst().orElseThrow();
    }
}
