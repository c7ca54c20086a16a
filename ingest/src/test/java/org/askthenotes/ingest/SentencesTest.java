package org.askthenotes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SentencesTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("Use e.g. the model. Then 3.5 works.", List.of("Use e.g. the model.", "Then 3.5 works.")),
                Arguments.of("標記是單位。這是第二句！第三句？", List.of("標記是單位。", "這是第二句！", "第三句？")),
                Arguments.of("It answers [1]. Done. [2] Next one", List.of("It answers [1].", "Done. [2]", "Next one")),
                Arguments.of("- first item\n- second item", List.of("- first item", "- second item")),
                Arguments.of("English line.\n中文一行。", List.of("English line.", "中文一行。")),
                Arguments.of("  \n", List.of()),
                Arguments.of("A score (is it supported?) and a relevance score. Next.",
                        List.of("A score (is it supported?) and a relevance score.", "Next.")),
                Arguments.of("FMs are pre-trained. This is known as continuous pre-training! Why? Because.",
                        List.of("FMs are pre-trained.", "This is known as continuous pre-training!", "Why?", "Because.")),
                Arguments.of("GPT-3.5 and e.g.model names stay whole. Next one.",
                        List.of("GPT-3.5 and e.g.model names stay whole.", "Next one.")),
                Arguments.of("A claim [1]. Another claim. [2] A third [1, 3].",
                        List.of("A claim [1].", "Another claim. [2]", "A third [1, 3].")),
                Arguments.of("基礎模型可以執行多個任務[1]。它們是預訓練的。[2]",
                        List.of("基礎模型可以執行多個任務[1]。", "它們是預訓練的。[2]")),
                // a CJK stop ends a sentence even before a lower-case Latin word
                Arguments.of("不論機率如何分佈。top-k 為 50 時，模型在前 50 個候選中選擇。",
                        List.of("不論機率如何分佈。", "top-k 為 50 時，模型在前 50 個候選中選擇。")));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void splitsAtTerminalPunctuationAndLineBreaksKeepingMarkersWithTheirSentence(String text, List<String> expected) {
        assertEquals(expected, Sentences.split(text));
    }
}
