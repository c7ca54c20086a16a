package org.askthenotes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LanguageTaggingTest {

    static Stream<Arguments> blocks() {
        return Stream.of(
                Arguments.of("Tokens are the basic units of text that the model processes.", Language.ENGLISH),
                Arguments.of("標記是模型處理的文字的基本單位。", Language.CHINESE),
                Arguments.of("Generative AI is powered by foundation models (基礎模型) pretrained on data.",
                        Language.ENGLISH),
                Arguments.of("Amazon Bedrock 提供 API 存取 Anthropic Claude、Meta Llama 等模型。", Language.CHINESE),
                Arguments.of("大型語言模型 ( LLMs ) 可以基於多種架構，最常見的是 Transformer 架構。", Language.CHINESE),
                Arguments.of("- **Instructions(說明)**: task for the FM to do", Language.ENGLISH),
                Arguments.of("「提示工程」！？", Language.CHINESE),
                Arguments.of("12345 -- ::", Language.ENGLISH),
                Arguments.of("What is RAG (檢索增強生成)?", Language.ENGLISH),
                Arguments.of("- Context (上下文)", Language.ENGLISH),
                Arguments.of("溫度（Temperature）控制隨機性。", Language.CHINESE),
                Arguments.of("為什麼「car insurance」和「auto policy」轉成向量後會很接近？", Language.CHINESE),
                Arguments.of("（檢索增強生成）", Language.CHINESE));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("blocks")
    void blockLanguageFollowsItsShareOfCjkCharacters(String text, Language expected) {
        assertEquals(expected, Language.of(text));
    }

    @Test
    void eachPassageOfANoteCarriesItsLanguage(@TempDir Path root) {
        Note note = NoteFiles.ingestOne(root, """
                # Languages

                Fine-tuning is a supervised learning process that adapts a pre-trained model with smaller datasets.

                微調是一個監督學習過程，使用較小的資料集來調整預先訓練的模型。

                FMs are typically pre-trained through self-supervised learning.
                FM 通常是透過自我監督學習進行預先訓練的。
                """);

        List<Passage> passages = NoteFiles.passages(note);
        assertEquals(List.of(Language.ENGLISH, Language.CHINESE, Language.ENGLISH, Language.CHINESE),
                passages.stream().map(Passage::language).toList());
        assertEquals("FMs are typically pre-trained through self-supervised learning.", passages.get(2).text(),
                "an English line and its Chinese line in one paragraph become two passages");
        assertEquals("FM 通常是透過自我監督學習進行預先訓練的。", passages.get(3).text());
        assertEquals("微調是一個監督學習過程，使用較小的資料集來調整預先訓練的模型。",
                note.chunks().get(0).text(Language.CHINESE).lines().findFirst().orElseThrow());
    }
}
