package org.askthenotes.retrieval.bench;

import java.io.IOException;
import java.nio.file.Path;
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
 * Ingest throughput (a full sync into an empty index with the real model) against the model's raw embedAll
 * throughput on the same texts: what the index adds on top of embedding.
 */
record IngestMeasurement(int chunks, double rawSeconds, double syncSeconds, List<float[]> vectors) {

    static IngestMeasurement run(Embedder model, List<Note> notes, Path indexDir) throws IOException {
        List<String> texts = notes.stream().flatMap(n -> n.chunks().stream()).map(Chunk::textToEmbed).toList();
        model.embedAll(texts.subList(0, Math.min(32, texts.size())));
        long start = System.nanoTime();
        List<float[]> vectors = model.embedAll(texts);
        double raw = (System.nanoTime() - start) / 1e9;
        IngestResult ingest = new IngestResult(notes, new IngestReport(notes.size(), notes.size(), texts.size(),
                List.of()));
        try (NotesIndex index = NotesIndex.open(indexDir, model)) {
            start = System.nanoTime();
            SyncReport report = index.sync(ingest, SyncListener.NONE);
            double sync = (System.nanoTime() - start) / 1e9;
            if (report.chunksEmbedded() != texts.size()) {
                throw new IllegalStateException("the sync embedded " + report.chunksEmbedded() + " of "
                        + texts.size() + " chunks");
            }
            return new IngestMeasurement(texts.size(), raw, sync, vectors);
        }
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
