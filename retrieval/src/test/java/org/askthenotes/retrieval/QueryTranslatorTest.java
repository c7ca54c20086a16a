package org.askthenotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The translator over the real bundled CC-CEDICT. */
class QueryTranslatorTest {
    private final QueryTranslator translator = QueryTranslator.bundled();

    @Test
    void segmentsByLongestDictionaryMatchAndKeepsLatinWords() {
        // the 2019 CC-CEDICT lacks 金鑰 (key): its characters stand alone
        assertEquals(List.of("如何", "用", "自己", "管理", "的", "金", "鑰", "加密", "S3", "裡", "的", "訓練", "資料"),
                translator.words("如何用自己管理的金鑰加密 S3 裡的訓練資料？"));
        assertEquals(List.of("top-p", "設", "成", "0.9"), translator.words("top-p 設成 0.9"));
    }

    @Test
    void translatesContentWordsAndDropsQuestionWords() {
        String terms = translator.englishTerms("如何用自己管理的金鑰加密 S3 裡的訓練資料？");
        List<String> words = List.of(terms.split(" "));
        assertTrue(words.contains("S3"), terms);
        assertTrue(words.contains("encrypt"), terms);
        assertTrue(words.contains("training"), terms);
        assertTrue(words.contains("data"), terms);
        assertFalse(words.contains("how"), terms);
    }

    @Test
    void neverSplitsASupplementaryCharacter() {
        // 𠮷 (U+20BB7) is outside the Basic Multilingual Plane: two chars in Java, one character in the question
        List<String> words = translator.words("𠮷野家的訓練資料");
        assertEquals("𠮷", words.get(0), words.toString());
        assertTrue(words.stream().allMatch(w -> w.codePoints().allMatch(Character::isValidCodePoint)
                && !Character.isHighSurrogate(w.charAt(w.length() - 1))), words.toString());
    }

    @Test
    void readsSimplifiedHeadwordsToo() {
        assertTrue(List.of(translator.englishTerms("数据").split(" ")).contains("data"));
    }

    @Test
    void anEnglishOrEmptyQuestionKeepsOnlyItsLatinWords() {
        assertEquals("What is RAG", translator.englishTerms("What is RAG?"));
        assertEquals("", translator.englishTerms("？！"));
    }

    @Test
    void cleanGlossesDropsClassifiersSurnamesPointersAndShorthand() throws IOException {
        String entries = """
                # a comment
                責任 责任 [ze2 ren4] /responsibility/blame/duty/CL:個|个[ge4]/
                王 王 [Wang2] /surname Wang/king or monarch/
                為 为 [wei4] /variant of 為|为[wei4]/because of/
                做 做 [zuo4] /to do sth for sb (informal)/to make/
                """;
        CedictDictionary dictionary = CedictDictionary.read(new BufferedReader(new StringReader(entries)));
        assertEquals(List.of("responsibility", "blame", "duty"), dictionary.glosses("責任"));
        assertEquals(List.of("king or monarch"), dictionary.glosses("王"));
        assertEquals(List.of("because of"), dictionary.glosses("為"));
        assertEquals(List.of("to do for", "to make"), dictionary.glosses("做"));
        assertEquals(List.of("responsibility", "blame", "duty"), dictionary.glosses("责任"));
    }

    /** Prints what the golden Chinese questions become: read it when changing the translator. */
    @Test
    void translatesTheBundledChineseQuestions() throws IOException {
        for (String line : java.nio.file.Files.readAllLines(BundledNotes.repoFile("docs/eval/golden.jsonl"))) {
            if (line.contains("\"language\":\"zh\"")) {
                String question = line.replaceAll(".*\"question\":\"([^\"]*)\".*", "$1");
                String terms = translator.englishTerms(question);
                System.out.println(question + "\n  -> " + terms);
                assertFalse(terms.isBlank(), question);
            }
        }
    }
}
