package org.askthenotes.ingest;

import java.util.List;

/** The notes an ingest run produced, and its report. */
public record IngestResult(List<Note> notes, IngestReport report) {
    public IngestResult {
        notes = List.copyOf(notes);
    }
}
