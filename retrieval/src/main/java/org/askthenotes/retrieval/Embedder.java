package org.askthenotes.retrieval;

import java.util.List;
import org.askthenotes.ingest.TokenBudget;

/**
 * Text to unit-length vectors with one model; the index records {@link #modelId()} and rebuilds when it changes.
 * It stays beside LangChain4j's {@code EmbeddingModel} because the index needs what that lacks: a stable id to
 * record, and queries embedded differently from passages ({@link #embedQuery}); wrap any {@code EmbeddingModel}
 * with {@link OnnxEmbedder}.
 */
public interface Embedder extends AutoCloseable {
    String modelId();

    int dimension();

    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);

    /**
     * The vector of a search query. Some models (bge) embed queries with an instruction prefix that passages must
     * not get; the others embed queries like any text.
     */
    default float[] embedQuery(String query) {
        return embed(query);
    }

    /**
     * The tokenizer and budget ingest cuts chunks to, so no chunk is longer than the model reads. By default the
     * bundled model's of this id ({@link Embedders#tokenBudget}); a model of your own gives its own.
     */
    default TokenBudget tokenBudget() {
        return Embedders.tokenBudget(modelId());
    }

    /** Frees what the model holds (the bundled models' ONNX Runtime session); nothing by default. */
    @Override
    default void close() {
    }
}
