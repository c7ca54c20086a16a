package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SentencesTest {
    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("FMs are pre-trained. This is known as continuous pre-training! Why? Because.",
                        List.of("FMs are pre-trained.", "This is known as continuous pre-training!", "Why?", "Because.")),
                Arguments.of("這稱為連續預訓練。目標是擴展模型的知識庫！對嗎？",
                        List.of("這稱為連續預訓練。", "目標是擴展模型的知識庫！", "對嗎？")),
                Arguments.of("GPT-3.5 and e.g.model names stay whole. Next one.",
                        List.of("GPT-3.5 and e.g.model names stay whole.", "Next one.")),
                Arguments.of("A claim [1]. Another claim. [2] A third [1, 3].",
                        List.of("A claim [1].", "Another claim. [2]", "A third [1, 3].")),
                Arguments.of("基礎模型可以執行多個任務[1]。它們是預訓練的。[2]",
                        List.of("基礎模型可以執行多個任務[1]。", "它們是預訓練的。[2]")),
                Arguments.of("- first item\n- second item\n\nparagraph", List.of("- first item", "- second item", "paragraph")));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void splitsOnEnglishAndCjkPunctuationAndKeepsTrailingMarkers(String text, List<String> expected) {
        assertEquals(expected, Sentences.split(text));
    }
}
