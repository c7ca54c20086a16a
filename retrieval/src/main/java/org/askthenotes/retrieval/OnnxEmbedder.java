package org.askthenotes.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.askthenotes.ingest.TokenBudget;

/**
 * Any LangChain4j {@link EmbeddingModel} as an {@link Embedder}: the bundled in-process ONNX models
 * ({@link Embedders#create}), after which it is named, or one of your own (OpenAI, Ollama, ...), so the index takes
 * whatever model a LangChain4j application already has. It adds only what the index needs: the id the index
 * records, the query prefix, and unit-length vectors.
 */
public final class OnnxEmbedder implements Embedder {
    private final String modelId;
    private final EmbeddingModel model;
    private final String queryPrefix;
    private final int dimension;
    private final AutoCloseable owned;
    private final TokenBudget tokenBudget;

    /**
     * A bundled model's id with a model of your own (say, a differently configured ONNX session): its tokenizer and
     * budget are the bundled model's ({@link Embedders#tokenBudget}).
     *
     * @param queryPrefix prepended to queries only ("" for symmetric models such as all-MiniLM-L6-v2)
     */
    public OnnxEmbedder(String modelId, EmbeddingModel model, String queryPrefix) {
        this(modelId, model, queryPrefix, null, () -> { });
    }

    /** Any model, with the tokenizer and budget ingest cuts chunks to for it. */
    public OnnxEmbedder(String modelId, EmbeddingModel model, String queryPrefix, TokenBudget tokenBudget) {
        this(modelId, model, queryPrefix, Objects.requireNonNull(tokenBudget, "tokenBudget"), () -> { });
    }

    /** A bundled model this embedder owns: {@link #close()} closes it. A model passed in stays the caller's. */
    OnnxEmbedder(String modelId, BundledOnnxModel model, String queryPrefix) {
        this(modelId, model, queryPrefix, null, model);
    }

    private OnnxEmbedder(String modelId, EmbeddingModel model, String queryPrefix, TokenBudget tokenBudget,
            AutoCloseable owned) {
        this.tokenBudget = tokenBudget;
        this.modelId = Objects.requireNonNull(modelId, "modelId");
        this.model = Objects.requireNonNull(model, "model");
        this.queryPrefix = Objects.requireNonNull(queryPrefix, "queryPrefix");
        this.dimension = model.dimension();
        this.owned = owned;
    }

    @Override
    public void close() {
        try {
            owned.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the embedding model " + modelId, e);
        }
    }

    @Override
    public TokenBudget tokenBudget() {
        return tokenBudget != null ? tokenBudget : Embedder.super.tokenBudget();
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] embed(String text) {
        return normalized(model.embed(text).content());
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(queryPrefix + query);
    }

    /** One call to the model: LangChain4j spreads the texts over the model's executor. */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Embedding> embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(normalized(embedding));
        }
        return vectors;
    }

    /** The ONNX models already normalize; doing it again costs nothing and makes DOT_PRODUCT safe for any model. */
    static float[] normalized(Embedding embedding) {
        float[] vector = embedding.vector();
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            throw new IllegalStateException("the model returned a zero vector");
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
