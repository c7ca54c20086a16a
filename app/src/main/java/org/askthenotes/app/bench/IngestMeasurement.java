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
 * each slice's sync adds that slice's notes to the index.
 */
record IngestMeasurement(int chunks, double rawSeconds, double syncSeconds, List<float[]> vectors) {
    private static final int SLICES = 4;

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
        return new IngestMeasurement(vectors.size(), raw, sync, vectors);
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
        return chunks / rawSeconds;
    }

    double syncPerSecond() {
        return chunks / syncSeconds;
    }

    double ratio() {
        return syncPerSecond() / rawPerSecond();
    }
}
