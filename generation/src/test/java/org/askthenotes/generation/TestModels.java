package org.askthenotes.generation;

import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.Embedders;

/** The real all-MiniLM-L6-v2 model, loaded once per test JVM because loading it is the slow part. */
final class TestModels {
    private TestModels() {
    }

    private static final class Holder {
        static final Embedder EMBEDDER = Embedders.create(Embedders.DEFAULT);
        static final PromptBudget COUNT_ONLY = PromptBudget.countOnly(Embedders.tokenBudget(Embedders.DEFAULT));
    }

    /** Token counts with the embedding tokenizer and no LLM budget: what the extractive answerer gets. */
    static PromptBudget countOnly() {
        return Holder.COUNT_ONLY;
    }

    static Embedder embedder() {
        return Holder.EMBEDDER;
    }
}
