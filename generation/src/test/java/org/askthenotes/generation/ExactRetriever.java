package org.askthenotes.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.Hit;
import org.askthenotes.retrieval.Retriever;
import org.askthenotes.retrieval.SearchRequest;

/**
 * A second, exhaustive backend of the Retriever interface: exact cosine over every chunk with the real model,
 * no Lucene. It lets the pipeline tests run over a handful of chunks; filters are not supported.
 */
final class ExactRetriever implements Retriever {
    private final Embedder embedder;
    private final List<Chunk> chunks;
    private final List<float[]> vectors;

    ExactRetriever(Embedder embedder, List<Chunk> chunks) {
        this.embedder = embedder;
        this.chunks = List.copyOf(chunks);
        this.vectors = embedder.embedAll(chunks.stream().map(Chunk::textToEmbed).toList());
    }

    @Override
    public List<Hit> search(SearchRequest request) {
        if (!request.filters().isEmpty()) {
            throw new IllegalArgumentException("ExactRetriever does not filter");
        }
        float[] query = embedder.embed(request.query());
        record Scored(Chunk chunk, double similarity) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            scored.add(new Scored(chunks.get(i), Vectors.cosine(query, vectors.get(i))));
        }
        scored.sort(Comparator.comparingDouble(Scored::similarity).reversed());
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < Math.min(request.k(), scored.size()); i++) {
            Scored s = scored.get(i);
            hits.add(new Hit(s.chunk(), s.similarity(), 0, 0, i + 1, s.similarity()));
        }
        return hits;
    }
}
