package org.askthenotes.app.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IngestReport;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.Note;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.Hit;
import org.askthenotes.retrieval.IndexStats;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.RetrievalOptions;
import org.askthenotes.retrieval.SearchMode;
import org.askthenotes.retrieval.SearchRequest;
import org.askthenotes.retrieval.SyncListener;

/** Everything measured on one corpus size: build, query latency, recall, the in-memory store, size and heap. */
record SizeMeasurement(
        int chunks,
        double buildSeconds,
        long sizeOnDisk,
        long heapBytes,
        Latencies embedQuery,
        Map<SearchMode, Latencies> search,
        Map<SearchMode, Latencies> searchGivenVector,
        Latencies hybridAfterEmbedding,
        Latencies luceneVector,
        Latencies storeSearch,
        double luceneRecall,
        double storeRecall) {

    static final int K = 10;

    static SizeMeasurement run(Embedder model, BenchCorpus corpus, int size, List<String> latencyQueries,
            List<String> recallQueries, Path indexDir) throws IOException {
        List<Note> notes = corpus.notes(size);
        List<Chunk> chunks = BenchCorpus.chunks(notes);
        List<float[]> vectors = corpus.vectors(size);
        BenchEmbedder embedder = new BenchEmbedder(model);
        for (int i = 0; i < chunks.size(); i++) {
            embedder.register(chunks.get(i).textToEmbed(), vectors.get(i));
        }
        // no section cap: recall is measured against plain nearest neighbours
        try (NotesIndex index = NotesIndex.open(indexDir, embedder, RetrievalOptions.defaults().withMaxPerSection(0))) {
            long start = System.nanoTime();
            index.sync(new IngestResult(notes, new IngestReport(notes.size(), notes.size(), size, List.of())),
                    SyncListener.NONE);
            double build = (System.nanoTime() - start) / 1e9;
            IndexStats stats = index.stats();
            long heap = heapAfterGc();
            Map<SearchMode, Latencies> search = new EnumMap<>(SearchMode.class);
            Latencies embed = timeQueries(model, index, latencyQueries, search);
            // the same queries again with their vectors known: what the index itself costs per mode
            latencyQueries.forEach(q -> embedder.register(q, model.embedQuery(q)));
            Map<SearchMode, Latencies> searchGivenVector = new EnumMap<>(SearchMode.class);
            timeQueries(model, index, latencyQueries, searchGivenVector);
            Latencies hybridAfterEmbedding = timeAfterEmbedding(model, index, latencyQueries);
            // from here on a recall query's vector is known: searches time the index alone, like the store's
            for (int q = 0; q < recallQueries.size(); q++) {
                embedder.register(recallQueries.get(q), model.embedQuery(recallQueries.get(q)));
            }
            Latencies luceneVector = new Latencies(recallQueries.size());
            double luceneRecall = luceneRecall(index, embedder, recallQueries, chunks, vectors, luceneVector);
            Latencies storeLatency = new Latencies(recallQueries.size());
            double storeRecall = storeRecall(embedder, recallQueries, chunks, vectors, storeLatency);
            return new SizeMeasurement(size, build, stats.sizeOnDiskBytes(), heap, embed, search, searchGivenVector,
                    hybridAfterEmbedding, luceneVector,
                    storeLatency, luceneRecall, storeRecall);
        }
    }

    /** Round-robin over the modes per query, so load from other processes falls on all of them alike. */
    private static Latencies timeQueries(Embedder model, NotesIndex index, List<String> queries,
            Map<SearchMode, Latencies> search) {
        Latencies embed = new Latencies(queries.size());
        for (SearchMode mode : SearchMode.values()) {
            search.put(mode, new Latencies(queries.size()));
        }
        for (String query : queries.subList(0, Math.min(20, queries.size()))) {
            model.embedQuery(query);
            for (SearchMode mode : SearchMode.values()) {
                index.search(new SearchRequest(query + " warm", K, mode));
            }
        }
        for (String query : queries) {
            long start = System.nanoTime();
            model.embedQuery(query);
            embed.add(System.nanoTime() - start);
            for (SearchMode mode : SearchMode.values()) {
                start = System.nanoTime();
                index.search(new SearchRequest(query, K, mode));
                search.get(mode).add(System.nanoTime() - start);
            }
        }
        return embed;
    }

    /**
     * Hybrid searches with the query's vector known, each right after the model embedded the query again (untimed):
     * the search as a real one meets the machine, its CPU caches just filled by the model's weights.
     */
    private static Latencies timeAfterEmbedding(Embedder model, NotesIndex index, List<String> queries) {
        Latencies latencies = new Latencies(queries.size());
        for (String query : queries) {
            model.embedQuery(query);
            long start = System.nanoTime();
            index.search(new SearchRequest(query, K, SearchMode.HYBRID));
            latencies.add(System.nanoTime() - start);
        }
        return latencies;
    }

    private static double luceneRecall(NotesIndex index, BenchEmbedder embedder, List<String> queries,
            List<Chunk> chunks, List<float[]> vectors, Latencies latencies) {
        int found = 0;
        for (String query : queries) {
            float[] queryVector = embedder.embedQuery(query);
            long start = System.nanoTime();
            List<Hit> hits = index.search(new SearchRequest(query, K, SearchMode.VECTOR));
            latencies.add(System.nanoTime() - start);
            Set<String> exact = exactTopK(queryVector, chunks, vectors);
            found += (int) hits.stream().filter(h -> exact.contains(h.chunk().id())).count();
        }
        return found / (double) (queries.size() * K);
    }

    private static double storeRecall(BenchEmbedder embedder, List<String> queries, List<Chunk> chunks,
            List<float[]> vectors, Latencies latencies) {
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        for (int i = 0; i < chunks.size(); i++) {
            store.add(chunks.get(i).id(), Embedding.from(vectors.get(i)));
        }
        int found = 0;
        for (String query : queries) {
            float[] queryVector = embedder.embedQuery(query);
            long start = System.nanoTime();
            List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                    .queryEmbedding(Embedding.from(queryVector)).maxResults(K).build()).matches();
            latencies.add(System.nanoTime() - start);
            Set<String> exact = exactTopK(queryVector, chunks, vectors);
            found += (int) matches.stream().filter(m -> exact.contains(m.embeddingId())).count();
        }
        return found / (double) (queries.size() * K);
    }

    /** Brute force: the ids of the K chunks with the highest dot product. */
    static Set<String> exactTopK(float[] query, List<Chunk> chunks, List<float[]> vectors) {
        PriorityQueue<double[]> best = new PriorityQueue<>(K + 1, (a, b) -> Double.compare(a[0], b[0]));
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i);
            double dot = 0;
            for (int d = 0; d < v.length; d++) {
                dot += query[d] * v[d];
            }
            best.add(new double[] {dot, i});
            if (best.size() > K) {
                best.poll();
            }
        }
        Set<String> ids = new HashSet<>();
        best.forEach(entry -> ids.add(chunks.get((int) entry[1]).id()));
        return ids;
    }

    private static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
