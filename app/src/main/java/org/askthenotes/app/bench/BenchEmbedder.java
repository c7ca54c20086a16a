package org.askthenotes.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.askthenotes.retrieval.Embedder;

/**
 * Serves precomputed vectors for known texts (the corpus, and queries once their vectors are registered) and embeds
 * any other text with the real model: so a 100k index can be built from derived vectors, and a query's search can
 * be timed with or without its embedding.
 */
final class BenchEmbedder implements Embedder {
    private final Embedder model;
    private final Map<String, float[]> known = new ConcurrentHashMap<>();

    BenchEmbedder(Embedder model) {
        this.model = model;
    }

    void register(String text, float[] vector) {
        known.put(text, vector);
    }

    void forget() {
        known.clear();
    }

    @Override
    public String modelId() {
        return model.modelId();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] embed(String text) {
        float[] vector = known.get(text);
        return vector != null ? vector : model.embed(text);
    }

    @Override
    public float[] embedQuery(String query) {
        float[] vector = known.get(query);
        return vector != null ? vector : model.embedQuery(query);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            float[] vector = known.get(text);
            if (vector == null) {
                throw new IllegalStateException("no precomputed vector for a corpus text: " + text);
            }
            vectors.add(vector);
        }
        return vectors;
    }
}
