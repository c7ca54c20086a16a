package org.askthenotes.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IngestReport;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.Note;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.SyncListener;
import org.askthenotes.retrieval.SyncReport;

/**
 * Ingest throughput (syncs with the real model) against the model's raw embedAll throughput on the same texts: what
 * the index adds on top of embedding, both warm (the model by one embedAll, the index by a scratch sync). The machine
 * is shared, so the two are interleaved slice by slice (alternating which goes first) and both see the same load;
 * each slice's sync adds that slice's notes to the index. One round of four one-second slices moved by ±0.07 between
 * runs on an idle machine (0.87 to 1.01 for the same code), so there are three rounds, each into a fresh index, and
 * the ratio is their median.
 *
 * @param rawSeconds  every round's raw embedAll, added up
 * @param syncSeconds every round's syncs, added up
 * @param roundRatios each round's sync throughput over its raw throughput
 * @param vectors     the chunks' vectors from the first round, in note order
 */
record IngestMeasurement(int chunks, double rawSeconds, double syncSeconds, List<Double> roundRatios,
                         List<float[]> vectors) {
    private static final int SLICES = 4;
    static final int ROUNDS = 3;

    /** Notes (ten chunks each) synced into a scratch index before timing: two batches, a commit, the merge after. */
    private static final int WARM_UP_NOTES = 27;

    static IngestMeasurement run(Embedder model, List<Note> notes, Path indexDir) throws IOException {
        model.embedAll(texts(notes.subList(0, 1)));
        // the index's code warmed like the model's, or JIT compilation of Lucene's indexing (and the index's one-time
        // start-up, such as loading the Chinese dictionary) lands on the first timed syncs
        List<Note> warmUp = notes.subList(0, Math.min(WARM_UP_NOTES, notes.size()));
        try (NotesIndex scratch = NotesIndex.open(indexDir.resolveSibling(indexDir.getFileName() + "-warm-up"), model)) {
            scratch.sync(new IngestResult(warmUp, new IngestReport(warmUp.size(), warmUp.size(), texts(warmUp).size(),
                    List.of())), SyncListener.NONE);
        }
        List<float[]> vectors = null;
        double raw = 0;
        double sync = 0;
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            double[] seconds = new double[2];
            List<float[]> roundVectors = round(model, notes, indexDir.resolveSibling(indexDir.getFileName() + "-" + round),
                    seconds);
            vectors = vectors == null ? roundVectors : vectors;
            raw += seconds[0];
            sync += seconds[1];
            ratios.add(seconds[0] / seconds[1]);
        }
        return new IngestMeasurement(vectors.size(), raw, sync, List.copyOf(ratios), vectors);
    }

    /** One round into a new index: {@code seconds} gets the raw embedAll's seconds, then the syncs'. */
    private static List<float[]> round(Embedder model, List<Note> notes, Path indexDir, double[] seconds)
            throws IOException {
        List<float[]> vectors = new ArrayList<>();
        double raw = 0;
        double sync = 0;
        try (NotesIndex index = NotesIndex.open(indexDir, model)) {
            for (int slice = 0; slice < SLICES; slice++) {
                int from = notes.size() * slice / SLICES;
                int to = notes.size() * (slice + 1) / SLICES;
                List<String> texts = texts(notes.subList(from, to));
                if (slice % 2 == 1) {
                    sync += timedSync(index, notes.subList(0, to), texts.size());
                }
                long start = System.nanoTime();
                vectors.addAll(model.embedAll(texts));
                raw += (System.nanoTime() - start) / 1e9;
                if (slice % 2 == 0) {
                    sync += timedSync(index, notes.subList(0, to), texts.size());
                }
            }
        }
        seconds[0] = raw;
        seconds[1] = sync;
        return vectors;
    }

    private static double timedSync(NotesIndex index, List<Note> notes, int expectedEmbedded) throws IOException {
        IngestResult ingest = new IngestResult(notes, new IngestReport(notes.size(), notes.size(),
                texts(notes).size(), List.of()));
        long start = System.nanoTime();
        SyncReport report = index.sync(ingest, SyncListener.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report.chunksEmbedded() != expectedEmbedded) {
            throw new IllegalStateException("the sync embedded " + report.chunksEmbedded() + " chunks, not "
                    + expectedEmbedded);
        }
        return seconds;
    }

    private static List<String> texts(List<Note> notes) {
        return notes.stream().flatMap(n -> n.chunks().stream()).map(Chunk::textToEmbed).toList();
    }

    double rawPerSecond() {
        return chunks * roundRatios.size() / rawSeconds;
    }

    double syncPerSecond() {
        return chunks * roundRatios.size() / syncSeconds;
    }

    /** The median round's sync throughput over its raw throughput. */
    double ratio() {
        List<Double> sorted = roundRatios.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
