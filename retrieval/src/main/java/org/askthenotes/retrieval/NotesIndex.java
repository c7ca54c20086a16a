package org.askthenotes.retrieval;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.askthenotes.ingest.IngestResult;

/**
 * The persistent Lucene index of note chunks: HNSW vectors and BM25 text, searched alone or fused.
 * One writer, many concurrent searchers; a sync is one commit.
 */
public final class NotesIndex implements Retriever, Closeable {

    /** Opens (or creates) the index in {@code directory} for chunks embedded by {@code embedder}. */
    public static NotesIndex open(Path directory, Embedder embedder) throws IOException {
        throw new UnsupportedOperationException("not built yet (issue 3)");
    }

    /** Brings the index in line with an ingest run: adds, replaces and deletes notes by path, then commits once. */
    public SyncReport sync(IngestResult ingest, SyncListener listener) throws IOException {
        throw new UnsupportedOperationException("not built yet (issue 3)");
    }

    public IndexStats stats() {
        throw new UnsupportedOperationException("not built yet (issue 3)");
    }

    @Override
    public List<Hit> search(SearchRequest request) {
        throw new UnsupportedOperationException("not built yet (issue 3)");
    }

    @Override
    public void close() throws IOException {
    }
}
