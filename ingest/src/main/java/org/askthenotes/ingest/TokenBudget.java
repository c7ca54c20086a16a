package org.askthenotes.ingest;

import dev.langchain4j.model.TokenCountEstimator;
import java.util.Objects;

/**
 * What the embedding model reads: its tokenizer, and the most tokens of one text it embeds whole (special tokens
 * aside). Ingest cuts chunks to fit it. The model in use supplies it (retrieval's {@code Embedder#tokenBudget}), so
 * this module knows no model and loads none.
 *
 * @param name      the tokenizer as reports name it, e.g. "all-MiniLM-L6-v2 word pieces"
 * @param tokens    counts a text's tokens as the model will see them
 * @param maxTokens the chunk budget: a chunk's text to embed, heading prefix included, stays within it
 */
public record TokenBudget(String name, TokenCountEstimator tokens, int maxTokens) {
    public TokenBudget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tokens, "tokens");
        if (maxTokens < 32) {
            throw new IllegalArgumentException("maxTokens must be at least 32: " + maxTokens);
        }
    }
}
