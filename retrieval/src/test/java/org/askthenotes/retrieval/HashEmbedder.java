package org.askthenotes.retrieval;

import java.util.List;
import java.util.Locale;

/**
 * A deterministic test embedder for pure index logic (what a sync embeds, keeps and rebuilds), where the real
 * model only costs load time: each word (each Han character) adds ±1 to a hashed dimension, then the vector is
 * scaled to unit length. Texts sharing words are close, so a search still finds the note it names. Tests that
 * measure retrieval quality or integrate with the app use the real model ({@link Embedders#create}).
 */
final class HashEmbedder implements Embedder {
    static final int DIMENSION = 64;

    private final String modelId;

    /** @param modelId what the index records, so two ids act as two models (a rebuild on change) */
    HashEmbedder(String modelId) {
        this.modelId = modelId;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    /** Chunks are cut as for the default model, so a test's notes chunk as they do in the app. */
    @Override
    public org.askthenotes.ingest.TokenBudget tokenBudget() {
        return Embedders.tokenBudget(Embedders.DEFAULT);
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embed(String text) {
        float[] vector = new float[DIMENSION];
        vector[0] = 1e-3f;  // so a text without words still has a direction
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+|(?<=\\p{IsHan})|(?=\\p{IsHan})")) {
            if (!word.isEmpty()) {
                int hash = (word + '|' + modelId).hashCode();
                vector[Math.floorMod(hash, DIMENSION)] += (hash & 0x4000_0000) == 0 ? 1 : -1;
            }
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
