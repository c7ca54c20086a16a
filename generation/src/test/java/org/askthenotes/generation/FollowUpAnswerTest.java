package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two-turn conversations over a real index of the bundled notes with the real model and the offline answerer: a
 * new topic is never hijacked by the one before it, and an elliptical follow-up is answered in its context.
 * Assertions are on abstention, the searched query and the cited section, not on the answer's wording.
 */
class FollowUpAnswerTest {
    private static final String NOTE = "aif-c01-inference-parameters.md";
    private static final String TOP_P = "Top-p 核心抽樣";

    private static NotesAssistant assistant;

    @BeforeAll
    static void indexTheBundledNotes() {
        BundledNotes.assumePresent();
        assistant = BundledNotes.extractiveAssistant();
    }

    static Stream<Arguments> topicSwitches() {
        return Stream.of(
                Arguments.of("What is RAG?", "How do I bake sourdough bread?"),
                Arguments.of("What is RAG?", "How do I change a car tire?"),
                Arguments.of("What does temperature do?", "Who won the football world cup in 1998?"),
                Arguments.of("什麼是檢索增強生成？", "怎麼烤酸種麵包？"),
                Arguments.of("temperature 參數有什麼作用？", "台北到高雄的高鐵要坐多久？"));
    }

    @ParameterizedTest(name = "{0} then {1}")
    @MethodSource("topicSwitches")
    void aNewTopicAfterAnAnsweredQuestionIsJudgedOnItsOwnAndAbstains(String first, String second) {
        Answer before = assistant.ask(AskRequest.of(first), AnswerListener.NONE);
        assertFalse(before.abstained(), first + " is in the notes");

        Answer after = assistant.ask(withHistory(second, first, before), AnswerListener.NONE);

        assertEquals(new RetrievalQuery(second, false, "stands alone"), after.retrievalQuery());
        assertTrue(after.abstained(), second + " -> " + after.text());
        assertNull(after.grounded());
        assertTrue(after.citations().isEmpty());
    }

    static Stream<Arguments> ellipticalFollowUps() {
        return Stream.of(
                Arguments.of("What does temperature do?", "and what about top-p?"),
                Arguments.of("What does temperature do?", "What about top-p?"),
                Arguments.of("temperature 參數有什麼作用？", "那 top-p 呢？"),
                Arguments.of("temperature 參數有什麼作用？", "top-p 呢？"));
    }

    @ParameterizedTest(name = "{0} then {1}")
    @MethodSource("ellipticalFollowUps")
    void anEllipticalFollowUpIsSearchedInContextAndCitesItsOwnSection(String first, String second) {
        Answer before = assistant.ask(AskRequest.of(first), AnswerListener.NONE);
        assertFalse(before.abstained(), first + " is in the notes");

        Answer after = assistant.ask(withHistory(second, first, before), AnswerListener.NONE);

        assertTrue(after.retrievalQuery().followUp(), after.retrievalQuery().toString());
        assertEquals(first + " " + second, after.retrievalQuery().text());
        assertFalse(after.abstained(), second + " is answered in context");
        assertEquals(Boolean.TRUE, after.grounded(), after.ungroundedSentences().toString());
        Citation cited = firstCited(after);
        assertEquals(NOTE, cited.notePath(), after.text());
        assertEquals(TOP_P, cited.headingPath().get(cited.headingPath().size() - 1), after.text());
    }

    /** "Its types" are machine learning's: the follow-up's list is read with the question it was searched with. */
    @Test
    void aFollowUpAskingForAListGetsTheSectionsOfTheEarlierTopic() {
        String first = "What is machine learning?";
        Answer before = assistant.ask(AskRequest.of(first), AnswerListener.NONE);

        Answer after = assistant.ask(withHistory("What are its types?", first, before), AnswerListener.NONE);

        List<String> bullets = after.text().lines().filter(line -> line.startsWith("- **")).toList();
        assertEquals(3, bullets.size(), after.text());
        for (String type : List.of("Supervised", "Unsupervised", "Reinforcement")) {
            assertTrue(bullets.stream().anyMatch(b -> b.startsWith("- **" + type + " learning")), after.text());
        }
    }

    private static AskRequest withHistory(String question, String previous, Answer previousAnswer) {
        return new AskRequest(question, List.of(new Turn(previous, previousAnswer.text())), 5,
                AskRequest.of(question).mode(), AskRequest.of(question).filters(), false);
    }

    /** The source cited by the answer's first marker: the one its best sentence came from. */
    private static Citation firstCited(Answer answer) {
        int n = Citations.markers(answer.text()).iterator().next();
        return answer.citations().stream().filter(c -> c.n() == n).findFirst().orElseThrow();
    }
}
