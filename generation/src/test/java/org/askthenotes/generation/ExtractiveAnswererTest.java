package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.askthenotes.ingest.Language;
import org.askthenotes.ingest.Sentences;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.retrieval.Hit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The offline answerer with the real embedding model over real note chunks. */
class ExtractiveAnswererTest {
    private final ExtractiveAnswerer answerer = new ExtractiveAnswerer();
    private final GroundingCheck grounding = new GroundingCheck(TestModels.embedder());
    /** The order a retriever might give: the right chunk is not always first. */
    private final List<Hit> sources = Fixtures.hits(0.5, Fixtures.TOKENS, Fixtures.FOUNDATION_MODELS,
            Fixtures.DIFFUSION, Fixtures.PRE_TRAINING, Fixtures.RAG, Fixtures.EMBEDDINGS, Fixtures.TRANSFORMER);

    static Stream<Arguments> knownQuestions() {
        return Stream.of(
                Arguments.of("What are foundation models?", Fixtures.FOUNDATION_MODELS),
                Arguments.of("How are foundation models pre-trained?", Fixtures.PRE_TRAINING),
                Arguments.of("Does retrieval-augmented generation change the model weights?", Fixtures.RAG),
                Arguments.of("How do diffusion models generate an output?", Fixtures.DIFFUSION),
                Arguments.of("What architecture do most large language models use?", Fixtures.TRANSFORMER),
                Arguments.of("What are embeddings?", Fixtures.EMBEDDINGS));
    }

    static Stream<Arguments> sentencesAndFragments() {
        return Stream.of(
                Arguments.of("A foundation model is trained on a broad corpus.", true, true),
                Arguments.of("Does RAG change the weights?", true, true),
                Arguments.of("It returns a vector (a list of numbers).", true, true),
                Arguments.of("基礎模型是以大量資料訓練的模型。", true, true),
                Arguments.of("Temperature rescales the distribution before sampling the next token", false, true),
                Arguments.of("基礎模型以書籍網站程式碼與圖片等大量資料訓練", false, true),
                Arguments.of("Temperature rescales the distribution before sampling the next token", true, false),
                Arguments.of("基礎模型以書籍網站程式碼與圖片等大量資料訓練", true, false),
                Arguments.of("Negative prompting helps to:", false, false),
                Arguments.of("foundation model overview", true, false),
                Arguments.of("Forward diffusion", false, false),
                Arguments.of("前向擴散示意圖", true, false));
    }

    /** Alt text and headings survive cleanup as one-line passages; a lead-in needs its list. */
    @ParameterizedTest
    @MethodSource("sentencesAndFragments")
    void quotesSentencesNotCaptionsHeadingsOrBareLeadIns(String text, boolean alone, boolean quotable) {
        assertEquals(quotable, AnswerUnits.isQuotable(text, alone), text);
    }

    @ParameterizedTest
    @MethodSource("knownQuestions")
    void citesTheSourceThatAnswersAKnownQuestionFirst(String question, Chunk expected) {
        Draft draft = answer(question, new ArrayList<>());
        Citations.Resolved cited = Citations.resolve(draft.text(), sources);

        assertEquals(ExtractiveAnswerer.NAME, draft.answerer());
        int firstMarker = Citations.markers(Sentences.split(draft.text()).get(0)).iterator().next();
        assertEquals(expected.id(), sources.get(firstMarker - 1).chunk().id(), draft.text());
        assertTrue(cited.droppedMarkers().isEmpty(), draft.text());
        int words = Citations.withoutMarkers(draft.text()).split("\\s+").length;
        assertTrue(words <= ExtractiveAnswerer.Length.DEFAULT.maxWords(), draft.text());
    }

    @ParameterizedTest
    @MethodSource("knownQuestions")
    void quotesOnlyWhatTheSourcesSaySoTheGroundingCheckPasses(String question, Chunk expected) {
        Draft draft = answer(question, new ArrayList<>());

        GroundingCheck.Result result = grounding.check(draft.text(), sources);

        assertTrue(result.grounded(), draft.text() + " -> " + result.ungroundedSentences());
    }

    @Test
    void answersATraditionalChineseQuestionInChinese() {
        Draft draft = answer("什麼是基礎模型？", new ArrayList<>());

        String withoutMarkers = Citations.withoutMarkers(draft.text().replaceAll("\\[\\d+]", ""));
        long han = withoutMarkers.codePoints().filter(Language::isCjk).count();
        long latin = withoutMarkers.codePoints().filter(Character::isLetter).count() - han;
        assertTrue(han > latin * 2, "mostly Chinese: " + draft.text());
        assertTrue(draft.text().contains("基礎模型"), draft.text());
        int first = Citations.markers(Sentences.split(draft.text()).get(0)).iterator().next();
        assertEquals(Fixtures.FOUNDATION_MODELS.id(), sources.get(first - 1).chunk().id(), draft.text());
        assertTrue(grounding.check(draft.text(), sources).grounded());
    }

    @Test
    void answersAnEnglishQuestionFromTheEnglishHalfOfBilingualNotes() {
        Draft draft = answer("What is continuous pre-training?", new ArrayList<>());

        assertFalse(draft.text().codePoints().anyMatch(Language::isCjk), draft.text());
        assertTrue(draft.text().contains("continuous pre-training"), draft.text());
    }

    @Test
    void streamsOneDeltaPerSentenceThatTogetherMakeTheText() {
        List<String> deltas = new ArrayList<>();
        Draft draft = answer("What are foundation models?", deltas);

        assertEquals(Sentences.split(draft.text()).size(), deltas.size());
        assertEquals(draft.text(), String.join("", deltas));
    }

    @Test
    void picksSentencesThatSayDifferentThings() {
        Draft draft = answer("What are foundation models?", new ArrayList<>());

        List<String> sentences = Sentences.split(draft.text()).stream().map(Citations::withoutMarkers).toList();
        assertEquals(sentences.size(), sentences.stream().distinct().count(), draft.text());
        assertTrue(sentences.size() >= 2, "two to four sentences when the sources have them: " + draft.text());
    }

    private Draft answer(String question, List<String> deltas) {
        Prompt prompt = PromptTemplate.defaults().render(question, List.of(), sources);
        return answerer.answer(new AnswerContext(question, List.of(), sources, prompt), deltas::add);
    }
}
