package org.askthenotes.generation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a prompt costs in tokens: the four parts and each source, counted with the embedding model's tokenizer and,
 * when an LLM answers and LangChain4j has an offline estimator for its model, with that estimator too.
 *
 * @param embedding  counts with the embedding model's word-piece tokenizer
 * @param llm        counts with the LLM's estimator; null when no LLM answers or none exists offline (see llmNote)
 * @param llmNote    which estimator the LLM counts come from, or why there are none
 * @param sources    one entry per source in the prompt, numbered as cited
 * @param budget     how the sources were fitted into the LLM's context; null when no LLM answers
 */
public record PromptTokens(Counts embedding, @JsonInclude(JsonInclude.Include.NON_NULL) Counts llm, String llmNote,
                           List<SourceTokens> sources, @JsonInclude(JsonInclude.Include.NON_NULL) Budget budget) {

    public PromptTokens {
        sources = List.copyOf(sources);
    }

    /** Token counts of the four parts; {@code total} is system plus user message as sent. */
    public record Counts(String tokenizer, int instructions, int context, int inputData, int outputIndicator,
                         int total) {
    }

    /**
     * One source's cost.
     *
     * @param promptTokens    its block in the context, embedding tokenizer
     * @param llmTokens       its block with the LLM's estimator, null without one
     * @param embedTokens     the text the index embedded for it (heading prefix and text)
     * @param embedLimit      how many word pieces the embedder reads; more would be cut off
     */
    public record SourceTokens(int n, String chunkId, String note, int promptTokens,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Integer llmTokens, int embedTokens,
                               int embedLimit) {
    }

    /**
     * @param contextTokens the model's context window as configured
     * @param answerTokens  reserved for the answer
     * @param promptTokens  what the prompt as sent takes, counted with {@code tokenizer}
     * @param leftOut       sources dropped to fit, weakest first; empty when all fit
     */
    public record Budget(int contextTokens, int answerTokens, int promptTokens, String tokenizer,
                         List<LeftOut> leftOut) {
        public Budget {
            leftOut = List.copyOf(leftOut);
        }
    }

    /** A retrieved source the prompt had no room for. */
    public record LeftOut(String chunkId, String note, double score, int tokens) {
    }
}
