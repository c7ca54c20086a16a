package org.askthenotes.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenQuestionTest {

    private static final GoldenQuestion.Relevant INFERENCE =
            new GoldenQuestion.Relevant("llm.md", List.of("Inference"), 1);

    static Stream<Arguments> chunks() {
        return Stream.of(
                Arguments.of("same section", "llm.md", List.of("Inference"), true),
                Arguments.of("a subsection", "llm.md", List.of("Inference", "Temperature"), true),
                Arguments.of("a sibling section", "llm.md", List.of("Training"), false),
                Arguments.of("a heading that only starts alike", "llm.md", List.of("Inference parameters"), false),
                Arguments.of("the note's text before any heading", "llm.md", List.of(), false),
                Arguments.of("same heading, another note", "rag.md", List.of("Inference"), false));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("chunks")
    void aChunkIsRelevantWhenTheGoldenHeadingPathIsAPrefixOfItsOwn(String label, String notePath,
            List<String> headingPath, boolean relevant) {
        assertEquals(relevant, INFERENCE.matches(notePath, headingPath));
    }

    @ParameterizedTest
    @MethodSource("chunks")
    void anEmptyHeadingPathNamesTheWholeNote(String label, String notePath, List<String> headingPath) {
        GoldenQuestion.Relevant wholeNote = new GoldenQuestion.Relevant("llm.md", List.of(), 1);
        assertEquals(notePath.equals("llm.md"), wholeNote.matches(notePath, headingPath));
    }

    @org.junit.jupiter.api.Test
    void aChunkTakesTheBestGradeOfTheSectionsItBelongsTo() {
        GoldenQuestion question = new GoldenQuestion("q", "?", "en", List.of(
                INFERENCE, new GoldenQuestion.Relevant("llm.md", List.of("Inference", "Temperature"), 2)),
                List.of(List.of("fact")), false);
        assertEquals(1, question.relevantIndexOf(GoldenSetTest.chunk("llm.md", "Inference", "Temperature", "Top-p")));
        assertEquals(0, question.relevantIndexOf(GoldenSetTest.chunk("llm.md", "Inference", "Top-k")));
        assertEquals(-1, question.relevantIndexOf(GoldenSetTest.chunk("llm.md", "Training")));
    }
}
