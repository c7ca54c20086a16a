package org.askthenotes.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FactMatcherTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain occurrence", "Top-k of 1 is called greedy decoding.", List.of("greedy decoding"), true),
                Arguments.of("any alternative counts", "It uses pgvector.", List.of("Aurora", "pgvector"), true),
                Arguments.of("no alternative occurs", "It uses OpenSearch.", List.of("Aurora", "pgvector"), false),
                Arguments.of("case-insensitive", "ROUGE is RECALL ORIENTED.", List.of("recall oriented"), true),
                Arguments.of("citation marker inside the phrase", "four characters [1] or three quarters",
                        List.of("characters or three"), true),
                Arguments.of("multi-source marker", "the **Output indicator** [1, 2]: the shape",
                        List.of("output indicator: the shape"), true),
                Arguments.of("bold removed", "- **Input data (輸入資料)**: the text", List.of("input data (輸入資料)"), true),
                Arguments.of("underscore and code emphasis removed", "call `RetrieveAndGenerate` _now_",
                        List.of("RetrieveAndGenerate now"), true),
                Arguments.of("whitespace and line breaks collapse", "the context\n   window is full",
                        List.of("context window"), true),
                Arguments.of("whitespace in the alternative collapses too", "least privilege", List.of("least  privilege"),
                        true),
                Arguments.of("not inside a longer word", "stored in S3 storage", List.of("RAG"), false),
                Arguments.of("not the start of a longer word", "shared capacity", List.of("cap"), false),
                Arguments.of("a plural needs its own alternative", "tokens", List.of("token"), false),
                Arguments.of("a later whole-word occurrence counts", "capacity, then a cap", List.of("cap"), true),
                Arguments.of("punctuation is an edge", "(RAG), grounding", List.of("RAG"), true),
                Arguments.of("alternative edge that is not a letter", "rates {EMAIL}s", List.of("{EMAIL}"), true),
                Arguments.of("hyphen and space are different strings", "chain of thought", List.of("chain-of-thought"),
                        false),
                Arguments.of("CJK occurs anywhere", "這種行為稱為情境學習，而且不會更新權重", List.of("情境學習"), true),
                Arguments.of("CJK next to Latin", "使用SHAP值", List.of("SHAP"), true),
                Arguments.of("CJK as written: no variant folding", "核心抽樣", List.of("核心采样"), false),
                Arguments.of("English term inside Chinese text", "稱為情境學習（in-context learning）",
                        List.of("in-context learning"), true),
                Arguments.of("empty answer", "", List.of("anything"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsAFactWhenAnAlternativeOccurs(String label, String answer, List<String> fact, boolean expected) {
        assertEquals(expected, FactMatcher.states(answer, fact));
    }

    static Stream<Arguments> scores() {
        List<List<String>> facts = List.of(List.of("instructions"), List.of("context"), List.of("input data"),
                List.of("output indicator"));
        return Stream.of(
                Arguments.of("all stated", facts, "Instructions, context, input data and an output indicator [2].",
                        false, 4, List.of()),
                Arguments.of("some missing", facts, "A prompt has four parts [1].", false, 0, facts),
                Arguments.of("two of four", facts, "Give instructions and context.", false, 2, facts.subList(2, 4)),
                Arguments.of("an abstention states nothing", facts, "The notes do not cover instructions or context.",
                        true, 0, facts));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scores")
    void scoresAnAnswer(String label, List<List<String>> facts, String answer, boolean abstained, int present,
            List<List<String>> missing) {
        FactScore score = FactScore.of(facts, answer, abstained);
        assertEquals(present, score.present());
        assertEquals(missing, score.missing());
        assertEquals(present / 4.0, score.recall());
        assertEquals(present == 4, score.complete());
        assertEquals(present + "/4 facts", score.label());
    }
}
