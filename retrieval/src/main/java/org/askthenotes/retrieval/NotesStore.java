package org.askthenotes.retrieval;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import org.askthenotes.ingest.IndexedFile;
import org.askthenotes.ingest.IngestResult;

/**
 * An index of the notes that an ingest syncs and a question searches, whichever engine holds it: the embedded
 * {@link NotesIndex} or a SolrCloud collection (the solr module). Both rank through retrieval's same fusion.
 */
public interface NotesStore extends Retriever, Closeable {
    /** What the index holds for each note file, for an ingest to skip unchanged files; empty before a rebuild. */
    Map<String, IndexedFile> indexedFiles() throws IOException;

    /** Brings the index in line with an ingest run: adds, replaces and deletes notes by content hash. */
    SyncReport sync(IngestResult ingest, SyncListener listener) throws IOException;

    IndexStats stats();

    /** True when another process holds the index and this one only reads its last commit. */
    boolean readOnly();
}
