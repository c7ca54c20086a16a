package org.askthenotes.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.Embedders;

/**
 * The retrieval benchmark, in one process: ingest against raw embedding, query latency against query embedding,
 * HNSW recall, LangChain4j's InMemoryEmbeddingStore side by side, index size and heap; returns a Markdown report
 * that the app's {@code bench} command prints and saves.
 */
public final class RetrievalBench {

    /**
     * What to measure.
     *
     * @param sizes         corpus sizes in chunks, measured in ascending order
     * @param real          how many chunks get real embeddings; larger corpora derive the rest from them
     * @param queries       queries timed per mode
     * @param recallQueries queries scored for HNSW recall@10 against exact search
     * @param work          where the indexes go; null for a temporary folder deleted afterwards
     * @param command       how the run was invoked, quoted in the report so it can be repeated
     * @param model         the bundled embedding model's name ({@link Embedders})
     */
    public record Options(List<Integer> sizes, int real, int queries, int recallQueries, Path work, String command,
                          String model) {
        public Options {
            sizes = sizes.stream().sorted().toList();
            if (sizes.isEmpty() || sizes.get(0) < 1 || real < 1 || queries < 1 || recallQueries < 1) {
                throw new IllegalArgumentException("sizes, real, queries and recall queries must be positive");
            }
        }
    }

    private RetrievalBench() {
    }

    /** Runs every measurement and returns the Markdown report. */
    public static String run(Options options) throws IOException {
        Path work = options.work() != null ? options.work() : Files.createTempDirectory("atn-bench");
        try {
            Embedder model = Embedders.create(options.model());
            SyntheticCorpus generator = new SyntheticCorpus(42);
            int largest = options.sizes().get(options.sizes().size() - 1);
            BenchCorpus corpus = BenchCorpus.generate(generator, Math.min(options.real(), largest));
            List<String> latencyQueries = queries(generator, options.queries());
            List<String> recallQueries = queries(generator, options.recallQueries());
            long start = System.nanoTime();
            log("embedding and ingesting " + corpus.realSize() + " real chunks");
            IngestMeasurement ingest = IngestMeasurement.run(model, corpus.notes(corpus.realSize()),
                    work.resolve("ingest"));
            corpus.setRealVectors(ingest.vectors());
            List<SizeMeasurement> sizes = new ArrayList<>();
            for (int size : options.sizes()) {
                log("indexing and querying " + size + " chunks");
                sizes.add(SizeMeasurement.run(model, corpus, size, latencyQueries, recallQueries,
                        work.resolve("size-" + size)));
            }
            double minutes = (System.nanoTime() - start) / 60e9;
            return new BenchReport(options, model, ingest, sizes, minutes).markdown();
        } finally {
            if (options.work() == null) {
                deleteRecursively(work);
            }
        }
    }

    private static List<String> queries(SyntheticCorpus generator, int count) {
        List<String> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            queries.add(generator.query());
        }
        return queries;
    }

    private static void log(String message) {
        System.err.println("[bench] " + message);
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
