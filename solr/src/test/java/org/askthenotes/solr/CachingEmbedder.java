package org.askthenotes.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.askthenotes.retrieval.Embedder;

/**
 * The real model, embedding each text once per test class: two indexes of the same notes get the very same vectors
 * without the second sync paying for them again. {@code modelId} may be renamed to stand for a model change.
 */
final class CachingEmbedder implements Embedder {
    private final Embedder model;
    private final String modelId;
    private final Map<String, float[]> cache;

    CachingEmbedder(Embedder model) {
        this(model, model.modelId(), new ConcurrentHashMap<>());
    }

    private CachingEmbedder(Embedder model, String modelId, Map<String, float[]> cache) {
        this.model = model;
        this.modelId = modelId;
        this.cache = cache;
    }

    /** The same vectors under another model id: the index must rebuild for it. */
    CachingEmbedder renamed(String id) {
        return new CachingEmbedder(model, id, cache);
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] embed(String text) {
        return cache.computeIfAbsent(text, model::embed);
    }

    @Override
    public float[] embedQuery(String query) {
        return cache.computeIfAbsent("query: " + query, key -> model.embedQuery(query));
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<String> missing = texts.stream().filter(text -> !cache.containsKey(text)).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> vectors = model.embedAll(missing);
            for (int i = 0; i < missing.size(); i++) {
                cache.put(missing.get(i), vectors.get(i));
            }
        }
        List<float[]> all = new ArrayList<>(texts.size());
        texts.forEach(text -> all.add(cache.get(text)));
        return all;
    }


    @Override
    public void close() {
        model.close();
    }
}
