package org.askthenotes.app.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.SearchMode;

/** The bench's results as Markdown, each number beside its target. */
record BenchReport(RetrievalBench.Options options, Embedder model, IngestMeasurement ingest,
        List<SizeMeasurement> sizes, double minutes) {

    private static final double MIB = 1024.0 * 1024.0;

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Retrieval benchmarks\n\n");
        md.append("Command: `").append(options.command()).append("`  \n");
        md.append(String.format(Locale.ROOT, "Run: %s, %.1f min; %d cores, Java %s, max heap %.0f MiB; model %s "
                        + "(%d dimensions).%n%n", Instant.now().truncatedTo(ChronoUnit.SECONDS), minutes,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / MIB, model.modelId(), model.dimension()));
        md.append(corpus());
        md.append(ingestSection());
        sizes.forEach(size -> md.append(sizeSection(size)));
        return md.toString();
    }

    private String corpus() {
        return String.format(Locale.ROOT, """
                ## Corpus

                Generated study-note text (machine-learning and AWS vocabulary with a skewed word choice, a Traditional \
                Chinese passage in about a third of the chunks, ten chunks per note). The first %d chunks are embedded \
                by the real model. Embedding 100k texts would take about 50 minutes on this machine, so each further \
                chunk i is derived from two real chunks a and b: its text is the first half of a's and the second \
                half of b's, its vector normalize(w·v_a + (1−w)·v_b + noise), w uniform in [0.2, 0.8], Gaussian noise \
                of norm about 0.1. Queries are generated sentences of four to eight words, embedded by the real \
                model. Latency: %d queries, k = %d, round-robin over the modes after a warm-up; recall: %d further \
                queries against brute-force exact top %d.

                """, ingest.chunks(), options.queries(), SizeMeasurement.K, options.recallQueries(), SizeMeasurement.K);
    }

    private String ingestSection() {
        return String.format(Locale.ROOT, """
                ## Ingest against raw embedding (%d chunks, real model, in four interleaved slices, %d rounds)

                | all rounds | seconds | chunks/s |
                |---|---:|---:|
                | raw `embedAll` of the chunks' texts | %.1f | %.1f |
                | `NotesIndex.sync`, each adding one slice (embedding + indexing + commit) | %.1f | %.1f |

                Ratio ingest / raw, median of the rounds (%s): **%.2f** (target ≥ 0.9: %s).

                """, ingest.chunks(), ingest.roundRatios().size(), ingest.rawSeconds(), ingest.rawPerSecond(),
                ingest.syncSeconds(), ingest.syncPerSecond(),
                String.join(", ", ingest.roundRatios().stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList()),
                ingest.ratio(), verdict(ingest.ratio() >= 0.9));
    }

    private String sizeSection(SizeMeasurement size) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## %,d chunks%n%n", size.chunks()));
        md.append(String.format(Locale.ROOT, "Index build from known vectors (no embedding): %.1f s (%.0f chunks/s); "
                        + "size on disk %.1f MiB; heap after indexing (after GC, index open, the bench's own "
                        + "vectors and texts included) %.0f MiB (target ≤ 1024 MiB: %s).%n%n",
                size.buildSeconds(), size.chunks() / size.buildSeconds(), size.sizeOnDisk() / MIB,
                size.heapBytes() / MIB, verdict(size.heapBytes() <= 1024 * MIB)));
        md.append("| query latency (ms) | p50 | p99 | p50 ÷ embed p50 | p99 ÷ embed p99 |\n|---|---:|---:|---:|---:|\n");
        md.append(row("embed the query alone", size.embedQuery(), size.embedQuery()));
        for (SearchMode mode : SearchMode.values()) {
            md.append(row(mode.id() + " search (embedding included)", size.search().get(mode), size.embedQuery()));
        }
        for (SearchMode mode : SearchMode.values()) {
            md.append(row(mode.id() + " search alone (query vector given)", size.searchGivenVector().get(mode),
                    size.embedQuery()));
        }
        md.append(row("hybrid search alone, right after an embedding (query vector given)",
                size.hybridAfterEmbedding(), size.embedQuery()));
        double hybridRatio = size.search().get(SearchMode.HYBRID).p50() / size.embedQuery().p50();
        md.append(String.format(Locale.ROOT, "%nHybrid p50 ÷ embed p50: **%.2f×** (target ≤ 1.2×: %s).%n%n",
                hybridRatio, verdict(hybridRatio <= 1.2)));
        double speedup = size.storeSearch().p50() / size.luceneVector().p50();
        md.append("| vector search, query vector given | p50 ms | p99 ms | recall@10 |\n|---|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| NotesIndex (HNSW) | %.2f | %.2f | %.3f |%n",
                size.luceneVector().p50(), size.luceneVector().p99(), size.luceneRecall()));
        md.append(String.format(Locale.ROOT, "| LangChain4j InMemoryEmbeddingStore | %.2f | %.2f | %.3f |%n",
                size.storeSearch().p50(), size.storeSearch().p99(), size.storeRecall()));
        md.append(String.format(Locale.ROOT, "%nNotesIndex is **%.1f×** faster at p50 with recall@10 **%.3f**"
                        + " (target at 100k: ≥ 20× and ≥ 0.97: %s).%n%n", speedup, size.luceneRecall(),
                size.chunks() >= 100_000 ? verdict(speedup >= 20 && size.luceneRecall() >= 0.97)
                        : "applies at 100k"));
        return md.toString();
    }

    private static String row(String name, Latencies latencies, Latencies embed) {
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", name, latencies.p50(),
                latencies.p99(), latencies.p50() / embed.p50(), latencies.p99() / embed.p99());
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**not met**";
    }
}
