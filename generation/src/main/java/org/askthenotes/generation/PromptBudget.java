package org.askthenotes.generation;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.askthenotes.ingest.TokenBudget;
import org.askthenotes.retrieval.Hit;

/**
 * Counts a prompt's tokens and, when an LLM answers, fits the sources into its context window: the answer's share
 * is reserved, and while the prompt is still too long the lowest-scoring source is dropped. At least one source is
 * always kept (a prompt without sources could only invite a guess); the budget then says it does not fit.
 */
public final class PromptBudget {
    /** The embedding model's tokenizer and how much of a chunk it reads (retrieval's Embedder#tokenBudget). */
    private final TokenBudget embedding;
    private final TokenCountEstimator llm;
    private final String llmTokenizer;
    private final String llmNote;
    private final Limits limits;

    /** The context window and the answer's share of it, in tokens. */
    public record Limits(int contextTokens, int answerTokens) {
        public Limits {
            if (answerTokens < 1 || contextTokens <= answerTokens) {
                throw new IllegalArgumentException("the context budget (" + contextTokens + " tokens) must be larger "
                        + "than the share reserved for the answer (" + answerTokens + ")");
            }
        }
    }

    private PromptBudget(TokenBudget embedding, TokenCountEstimator llm, String llmTokenizer, String llmNote,
                         Limits limits) {
        this.embedding = Objects.requireNonNull(embedding, "embedding");
        this.llm = llm;
        this.llmTokenizer = llmTokenizer;
        this.llmNote = llmNote;
        this.limits = limits;
    }

    /** For the extractive answerer: counts with the embedding tokenizer, no budget (nothing is sent anywhere). */
    public static PromptBudget countOnly(TokenBudget embedding) {
        return new PromptBudget(embedding, null, null, "no LLM answers: counts use the embedding tokenizer", null);
    }

    /**
     * For an LLM: its LangChain4j estimator when one exists offline (OpenAI model names, through jtokkit's bundled
     * encodings), else the budget falls back to the embedding tokenizer and says so.
     */
    public static PromptBudget forLlm(TokenBudget embedding, String modelName, Limits limits) {
        Objects.requireNonNull(limits, "limits");
        try {
            return new PromptBudget(embedding, new OpenAiTokenCountEstimator(modelName), modelName + " (LangChain4j "
                    + "OpenAiTokenCountEstimator)", "counted with " + modelName + "'s tokenizer", limits);
        } catch (RuntimeException unknownModel) {
            return new PromptBudget(embedding, null, null, "LangChain4j has no offline token estimator for '"
                    + modelName + "': the budget counts with the embedding tokenizer instead, which may differ from "
                    + "the model's own count", limits);
        }
    }

    /** The sources that fit, the prompt over them with its token counts, and the sources left out. */
    public record Fitted(Prompt prompt, List<Hit> sources) {
        public Fitted {
            sources = List.copyOf(sources);
        }
    }

    /**
     * @param countTokens whether the prompt should carry its token counts (for "show prompt"); with an LLM's budget
     *                    the sources are fitted either way
     */
    public Fitted fit(PromptTemplate template, String question, List<Turn> history, List<Hit> hits,
                      boolean countTokens) {
        List<Hit> kept = new ArrayList<>(hits);
        List<PromptTokens.LeftOut> leftOut = new ArrayList<>();
        Prompt prompt = template.render(question, history, kept);
        if (limits != null) {
            int available = limits.contextTokens() - limits.answerTokens();
            while (budgetCount(prompt) > available && kept.size() > 1) {
                Hit weakest = weakest(kept);
                kept.remove(weakest);
                leftOut.add(new PromptTokens.LeftOut(weakest.chunk().id(), weakest.chunk().breadcrumb(),
                        weakest.score(), budgetTokens(SourceBlocks.render(List.of(weakest)))));
                prompt = template.render(question, history, kept);
            }
        }
        return new Fitted(countTokens ? prompt.withTokens(count(prompt, kept, leftOut)) : prompt, kept);
    }

    /** The lowest score; among equals the lowest ranked, so the sources before it keep their numbers. */
    private static Hit weakest(List<Hit> hits) {
        Hit weakest = hits.get(hits.size() - 1);
        for (int i = hits.size() - 2; i >= 0; i--) {
            if (hits.get(i).score() < weakest.score()) {
                weakest = hits.get(i);
            }
        }
        return weakest;
    }

    private PromptTokens count(Prompt prompt, List<Hit> sources, List<PromptTokens.LeftOut> leftOut) {
        List<PromptTokens.SourceTokens> perSource = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Hit hit = sources.get(i);
            String block = SourceBlocks.render(List.of(hit));
            perSource.add(new PromptTokens.SourceTokens(i + 1, hit.chunk().id(), hit.chunk().breadcrumb(),
                    embedding.tokens().estimateTokenCountInText(block),
                    llm == null ? null : llm.estimateTokenCountInText(block),
                    embedding.tokens().estimateTokenCountInText(hit.chunk().textToEmbed()), embedding.maxTokens()));
        }
        PromptTokens.Budget budget = limits == null ? null : new PromptTokens.Budget(limits.contextTokens(),
                limits.answerTokens(), budgetCount(prompt), llm == null ? embedding.name() : llmTokenizer, leftOut);
        return new PromptTokens(counts(embedding.name(), embedding.tokens(), prompt),
                llm == null ? null : counts(llmTokenizer, llm, prompt), llmNote, perSource, budget);
    }

    private static PromptTokens.Counts counts(String name, TokenCountEstimator tokens, Prompt prompt) {
        return new PromptTokens.Counts(name, tokens.estimateTokenCountInText(prompt.instructions()),
                tokens.estimateTokenCountInText(prompt.context()), tokens.estimateTokenCountInText(prompt.inputData()),
                tokens.estimateTokenCountInText(prompt.outputIndicator()),
                tokens.estimateTokenCountInText(prompt.system()) + tokens.estimateTokenCountInText(prompt.user()));
    }

    private int budgetCount(Prompt prompt) {
        return budgetTokens(prompt.system()) + budgetTokens(prompt.user());
    }

    private int budgetTokens(String text) {
        return (llm == null ? embedding.tokens() : llm).estimateTokenCountInText(text);
    }
}
