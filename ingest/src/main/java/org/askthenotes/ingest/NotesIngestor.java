package org.askthenotes.ingest;

import java.nio.file.Path;

/** Reads a notes folder into chunked notes and a report; the one entry point of this module. */
public final class NotesIngestor {
    private final IngestOptions options;

    public NotesIngestor(IngestOptions options) {
        this.options = options;
    }

    /** Never throws for a bad file: each gets its entry in the report and the good notes still come back. */
    public IngestResult ingest(Path notesRoot) {
        throw new UnsupportedOperationException("not built yet (issue 2)");
    }
}
