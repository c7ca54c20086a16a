package org.askthenotes.solr;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IngestOptions;
import org.askthenotes.ingest.IngestReport;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.Note;
import org.askthenotes.ingest.NotesIngestor;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.Embedders;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.RetrievalOptions;
import org.askthenotes.retrieval.SearchMode;
import org.askthenotes.retrieval.SearchRequest;
import org.askthenotes.retrieval.SyncListener;
import org.askthenotes.solrcluster.SolrTestClusterProcess;
import org.junit.jupiter.api.Test;

/**
 * The Solr backend beside the embedded index, in one run on one machine: indexing throughput from known vectors and
 * hybrid query latency (query vectors known, so the model's time is left out of both). Not a test (its name matches
 * no surefire pattern); run it by hand: {@code mvn -pl solr -am test -Dtest=SolrBench -Datn.solrBench=10000
 * -Dsurefire.failIfNoSpecifiedTests=false}. The corpus is the bundled notes' chunks, copied until it has the size
 * asked for; each copy's vectors are the real ones with a little noise.
 */
class SolrBench {
    @Test
    void solrBesideEmbedded() throws Exception {
        String size = System.getProperty("atn.solrBench");
        assumeTrue(size != null, "a bench, run by hand with -Datn.solrBench=CHUNKS");
        int chunks = Integer.parseInt(size);
        int queries = Integer.getInteger("atn.solrBench.queries", 400);
        SolrTestClusterProcess cluster = SolrTestClusterProcess.shared();
        Path temp = Files.createTempDirectory("atn-solr-bench");
        try (Embedder model = Embedders.create(Embedders.DEFAULT)) {
            IngestResult bundled = new NotesIngestor(IngestOptions.defaults(), Embedders.tokenBudget(Embedders.DEFAULT))
                    .ingest(SolrGoldenParityTest.repoFile("docs/notes"));
            List<Chunk> real = bundled.notes().stream().flatMap(n -> n.chunks().stream()).toList();
            List<float[]> realVectors = model.embedAll(real.stream().map(Chunk::textToEmbed).toList());
            Map<String, float[]> vectors = new HashMap<>();
            IngestResult corpus = corpus(bundled, realVectors, chunks, vectors);
            List<String> questions = SolrGoldenParityTest.golden().stream().map(q -> q.get("question").asText())
                    .toList();
            Map<String, float[]> queryVectors = new java.util.concurrent.ConcurrentHashMap<>();
            questions.forEach(q -> queryVectors.put(q, model.embedQuery(q)));
            Embedder known = new KnownVectors(model, vectors, queryVectors);
            try (NotesIndex embedded = NotesIndex.open(temp.resolve("index"), known);
                 SolrNotesIndex solr = SolrNotesIndex.open(new SolrTarget(cluster.nodeUrls(), "bench" + chunks, 2, 2),
                         known, RetrievalOptions.defaults())) {
                long t0 = System.nanoTime();
                embedded.sync(corpus, SyncListener.NONE);
                long t1 = System.nanoTime();
                solr.sync(corpus, SyncListener.NONE);
                long t2 = System.nanoTime();
                double embeddedRate = chunks / ((t1 - t0) / 1e9);
                double solrRate = chunks / ((t2 - t1) / 1e9);
                long[] lucene = new long[queries];
                long[] remote = new long[queries];
                for (int i = 0; i < questions.size(); i++) {
                    SearchRequest warm = new SearchRequest(questions.get(i % questions.size()), 10, SearchMode.HYBRID);
                    embedded.search(warm);
                    solr.search(warm);
                }
                for (int i = 0; i < queries; i++) {
                    SearchRequest request = new SearchRequest(questions.get(i % questions.size()), 10,
                            SearchMode.HYBRID);
                    long a = System.nanoTime();
                    embedded.search(request);
                    long b = System.nanoTime();
                    solr.search(request);
                    remote[i] = System.nanoTime() - b;
                    lucene[i] = b - a;
                }
                String table = String.format(Locale.ROOT, """
                        | %,d chunks | embedded (NotesIndex) | Solr 2 shards x 2 replicas | Solr ÷ embedded |
                        |---|---:|---:|---:|
                        | indexing, known vectors (chunks/s) | %.0f | %.0f | %.2f |
                        | hybrid query p50 (ms, query vector known) | %.2f | %.2f | %.1f |
                        | hybrid query p99 (ms, query vector known) | %.2f | %.2f | %.1f |
                        """, chunks, embeddedRate, solrRate, solrRate / embeddedRate,
                        ms(lucene, 0.50), ms(remote, 0.50), ms(remote, 0.50) / ms(lucene, 0.50),
                        ms(lucene, 0.99), ms(remote, 0.99), ms(remote, 0.99) / ms(lucene, 0.99));
                System.out.println(table);
                Files.writeString(Path.of("target", "solr-bench-" + chunks + ".md"), table);
            }
        }
    }

    private static double ms(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }

    /** Copies of the bundled notes (paths and chunk ids made unique) until {@code size} chunks; noisy vectors. */
    private static IngestResult corpus(IngestResult bundled, List<float[]> realVectors, int size,
                                       Map<String, float[]> vectors) {
        Random random = new Random(42);
        List<Note> notes = new ArrayList<>();
        int count = 0;
        for (int copy = 0; count < size; copy++) {
            int index = 0;
            for (Note note : bundled.notes()) {
                List<Chunk> chunks = new ArrayList<>();
                String path = "copy" + copy + "/" + note.path();
                // each copy's title differs, so each copy's text to embed (breadcrumb + text) has its own vector
                String title = note.title() + " (" + copy + ")";
                for (Chunk chunk : note.chunks()) {
                    float[] vector = noisy(realVectors.get(index++), random);
                    if (count >= size) {
                        continue;
                    }
                    Chunk copied = new Chunk(chunk.id() + "-" + copy, path, title, chunk.headingPath(),
                            chunk.anchor(), chunk.startLine(), chunk.endLine(), chunk.passages(), chunk.tags(),
                            chunk.categories(), chunk.date());
                    chunks.add(copied);
                    vectors.put(copied.textToEmbed(), vector);
                    count++;
                }
                if (!chunks.isEmpty()) {
                    notes.add(new Note(path, title, note.contentHash() + copy, chunks));
                }
            }
        }
        return new IngestResult(notes, new IngestReport(notes.size(), notes.size(), count, List.of()));
    }

    private static float[] noisy(float[] vector, Random random) {
        float[] out = new float[vector.length];
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            out[i] = (float) (vector[i] + random.nextGaussian() * 0.1 / Math.sqrt(vector.length));
            norm += out[i] * out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= (float) Math.sqrt(norm);
        }
        return out;
    }

    /** Chunk vectors by text (known in advance), query vectors by question; nothing is embedded while measuring. */
    private record KnownVectors(Embedder model, Map<String, float[]> byText, Map<String, float[]> byQuery)
            implements Embedder {
        public String modelId() {
            return model.modelId();
        }

        public int dimension() {
            return model.dimension();
        }

        public float[] embed(String text) {
            throw new UnsupportedOperationException("the bench embeds nothing");
        }

        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(byText::get).toList();
        }

        /** A Chinese question is embedded as its English terms: those are embedded once, in the warm-up. */
        public float[] embedQuery(String query) {
            return byQuery.computeIfAbsent(query, model::embedQuery);
        }
    }
}
