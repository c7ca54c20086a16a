package org.askthenotes.ingest;

import java.util.List;
import java.util.Map;

/**
 * The notes an ingest run produced, and its report.
 *
 * @param unchanged paths of files found unchanged against the index the run was given: neither parsed nor chunked
 * @param stamps    the stamp of each note read or found unchanged whose modification time is old enough to trust
 *                  (see NotesIngestor)
 */
public record IngestResult(List<Note> notes, IngestReport report, List<String> unchanged,
                           Map<String, FileStamp> stamps) {
    public IngestResult {
        notes = List.copyOf(notes);
        unchanged = List.copyOf(unchanged);
        stamps = Map.copyOf(stamps);
    }

    /** A result read without an index to compare with: every note read, no stamps. */
    public IngestResult(List<Note> notes, IngestReport report) {
        this(notes, report, List.of(), Map.of());
    }
}
