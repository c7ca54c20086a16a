package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import java.util.List;
import org.askthenotes.retrieval.Hit;
import org.junit.jupiter.api.Test;

/** Token counts with the real tokenizers, and fitting sources into an LLM's context budget. */
class PromptBudgetTest {
    static final org.askthenotes.ingest.TokenBudget MINILM =
            org.askthenotes.retrieval.Embedders.tokenBudget(org.askthenotes.retrieval.Embedders.DEFAULT);
    static final TokenCountEstimator WORD_PIECES = MINILM.tokens();
    final PromptTemplate template = PromptTemplate.defaults();

    /** The weakest source sits in the middle, so "drop the weakest" cannot pass by dropping the last. */
    final List<Hit> sources = List.of(
            new Hit(Fixtures.FOUNDATION_MODELS, 0.9, 1, 1, 1, 0.7),
            new Hit(Fixtures.PRE_TRAINING, 0.2, 2, 1, 2, 0.6),
            new Hit(Fixtures.TRANSFORMER, 0.5, 3, 1, 3, 0.6));

    @Test
    void theTokenizersCountFixedStringsAsTheirVocabulariesSay() {
        // BERT uncased word pieces, without [CLS] and [SEP]; "tokens" is not in the vocabulary: "token", "##s".
        assertEquals(8, WORD_PIECES.estimateTokenCountInText("Tokens are the basic units of text"));
        assertEquals(2, WORD_PIECES.estimateTokenCountInText("hello world"));
        assertEquals(3, WORD_PIECES.estimateTokenCountInText("the tokenizer"));
        // GPT-4o's o200k encoding: "Hello" and " world".
        assertEquals(2, new OpenAiTokenCountEstimator("gpt-4o-mini").estimateTokenCountInText("Hello world"));
    }

    @Test
    void eachPartAndEachSourceIsCountedWithTheEmbeddingTokenizer() {
        Prompt prompt = PromptBudget.countOnly(MINILM).fit(template, "What are foundation models?", List.of(),
                sources, true).prompt();
        PromptTokens tokens = prompt.tokens();
        PromptTokens.Counts counts = tokens.embedding();
        assertEquals(WORD_PIECES.estimateTokenCountInText(prompt.instructions()), counts.instructions());
        assertEquals(WORD_PIECES.estimateTokenCountInText(prompt.context()), counts.context());
        assertEquals(WORD_PIECES.estimateTokenCountInText(prompt.inputData()), counts.inputData());
        assertEquals(WORD_PIECES.estimateTokenCountInText(prompt.outputIndicator()), counts.outputIndicator());
        assertTrue(counts.instructions() > 20 && counts.context() > counts.inputData(), counts.toString());
        assertNull(tokens.llm());
        assertNull(tokens.budget(), "the extractive answerer has no context window to fit");

        assertEquals(3, tokens.sources().size());
        PromptTokens.SourceTokens first = tokens.sources().get(0);
        assertEquals(Fixtures.FOUNDATION_MODELS.id(), first.chunkId());
        assertEquals(WORD_PIECES.estimateTokenCountInText(Fixtures.FOUNDATION_MODELS.textToEmbed()),
                first.embedTokens());
        assertEquals(254, first.embedLimit());
        assertTrue(first.embedTokens() < first.embedLimit(), first.toString());
    }

    @Test
    void countsAreLeftOutWhenNobodyAskedToSeeThePrompt() {
        assertNull(PromptBudget.countOnly(MINILM).fit(template, "q", List.of(), sources, false).prompt().tokens());
    }

    @Test
    void aBudgetSmallerThanTheSourcesDropsTheWeakestAndSaysSo() {
        OpenAiTokenCountEstimator gpt = new OpenAiTokenCountEstimator("gpt-4o-mini");
        Prompt withoutWeakest = template.render("What are foundation models?", List.of(),
                List.of(sources.get(0), sources.get(2)));
        int needed = gpt.estimateTokenCountInText(withoutWeakest.system())
                + gpt.estimateTokenCountInText(withoutWeakest.user());
        PromptBudget budget = PromptBudget.forLlm(MINILM, "gpt-4o-mini", new PromptBudget.Limits(needed + 500, 500));

        PromptBudget.Fitted fitted = budget.fit(template, "What are foundation models?", List.of(), sources, true);

        assertEquals(List.of(sources.get(0), sources.get(2)), fitted.sources(), "the 0.2 source goes, order stays");
        assertEquals(withoutWeakest.user(), fitted.prompt().user());
        assertFalse(fitted.prompt().context().contains("self-supervised"), "the dropped text is not sent");
        PromptTokens.Budget said = fitted.prompt().tokens().budget();
        assertEquals(1, said.leftOut().size());
        assertEquals(Fixtures.PRE_TRAINING.id(), said.leftOut().get(0).chunkId());
        assertEquals(0.2, said.leftOut().get(0).score());
        assertEquals(needed, said.promptTokens());
        assertTrue(said.tokenizer().startsWith("gpt-4o-mini"), said.tokenizer());
        assertEquals(gpt.estimateTokenCountInText(fitted.prompt().instructions()),
                fitted.prompt().tokens().llm().instructions());
    }

    @Test
    void aBudgetThatHoldsEverySourceDropsNone() {
        PromptBudget budget = PromptBudget.forLlm(MINILM, "gpt-4o-mini", new PromptBudget.Limits(100_000, 1000));
        PromptBudget.Fitted fitted = budget.fit(template, "q", List.of(), sources, true);
        assertEquals(sources, fitted.sources());
        assertTrue(fitted.prompt().tokens().budget().leftOut().isEmpty());
    }

    @Test
    void aModelWithoutAnOfflineEstimatorIsBudgetedWithTheEmbeddingTokenizerAndSaysSo() {
        PromptBudget budget = PromptBudget.forLlm(MINILM, "llama3.2", new PromptBudget.Limits(300, 100));
        PromptBudget.Fitted fitted = budget.fit(template, "q", List.of(), sources, true);
        PromptTokens tokens = fitted.prompt().tokens();
        assertNull(tokens.llm());
        assertTrue(tokens.llmNote().contains("no offline token estimator for 'llama3.2'"), tokens.llmNote());
        assertEquals("all-MiniLM-L6-v2 word pieces", tokens.budget().tokenizer());
        assertEquals(1, fitted.sources().size(), "a 200-token budget holds no more than the strongest source");
        assertEquals(sources.get(0), fitted.sources().get(0));
        assertEquals(2, tokens.budget().leftOut().size());
        assertEquals(Fixtures.PRE_TRAINING.id(), tokens.budget().leftOut().get(0).chunkId(), "weakest first");
    }

    @Test
    void theAnswerShareMustLeaveRoomForThePrompt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PromptBudget.Limits(1000, 1000));
        assertTrue(e.getMessage().contains("reserved for the answer"), e.getMessage());
    }
}
