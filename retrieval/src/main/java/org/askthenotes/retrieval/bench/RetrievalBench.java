package org.askthenotes.retrieval.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.Embedders;

/**
 * The retrieval benchmark, in one process: ingest against raw embedding, query latency against query embedding,
 * HNSW recall, LangChain4j's InMemoryEmbeddingStore side by side, index size and heap. Prints a Markdown report and
 * writes it to {@code --out}.
 *
 * <p>Arguments (all optional): {@code --sizes 10000,100000 --real 3000 --queries 200 --recall-queries 100
 * --out docs/benchmarks.md --work <dir> --command "<how it was invoked>"}.
 */
public final class RetrievalBench {

    record Options(List<Integer> sizes, int real, int queries, int recallQueries, Path out, Path work,
            String command) {
        static Options parse(String[] args) {
            List<Integer> sizes = List.of(10_000, 100_000);
            int real = 3000;
            int queries = 200;
            int recallQueries = 100;
            Path out = Path.of("docs/benchmarks.md");
            Path work = null;
            String command = "java -cp <retrieval classpath> " + RetrievalBench.class.getName() + " "
                    + String.join(" ", args);
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--sizes" -> sizes = Arrays.stream(value.split(",")).map(s -> Integer.valueOf(s.trim()))
                            .sorted().toList();
                    case "--real" -> real = Integer.parseInt(value);
                    case "--queries" -> queries = Integer.parseInt(value);
                    case "--recall-queries" -> recallQueries = Integer.parseInt(value);
                    case "--out" -> out = Path.of(value);
                    case "--work" -> work = Path.of(value);
                    case "--command" -> command = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + ": use --sizes, --real, --queries, --recall-queries, --out, --work, --command");
                }
            }
            if (sizes.isEmpty() || sizes.get(0) < 1 || real < 1 || queries < 1 || recallQueries < 1) {
                throw new IllegalArgumentException("sizes, --real, --queries and --recall-queries must be positive");
            }
            return new Options(sizes, real, queries, recallQueries, out, work, command);
        }
    }

    private RetrievalBench() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        String report = run(options);
        System.out.println(report);
        if (options.out().getParent() != null) {
            Files.createDirectories(options.out().getParent());
        }
        Files.writeString(options.out(), report, StandardCharsets.UTF_8);
        System.out.println("written to " + options.out().toAbsolutePath());
    }

    /** Runs every measurement and returns the Markdown report. */
    static String run(Options options) throws IOException {
        Path work = options.work() != null ? options.work() : Files.createTempDirectory("atn-bench");
        try {
            Embedder model = Embedders.create(Embedders.DEFAULT);
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
