package org.askthenotes.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a notes folder into chunked notes and a report; the one entry point of this module. */
public final class NotesIngestor {
    private static final Logger LOG = LoggerFactory.getLogger(NotesIngestor.class);

    /**
     * Changes whenever the same note would be cut into different chunks (rules, budget handling, cleanup), so an
     * index built by an older chunker knows to rebuild.
     */
    public static final int CHUNKER_VERSION = 1;

    /**
     * A file modified this close to the listing may change again within the same clock tick without its size or
     * time changing (git's "racily clean" entries): its stamp is not kept, so the next sync hashes it.
     */
    static final long RACY_MILLIS = 2_000;

    private final IngestOptions options;
    private final NoteReader reader;

    /**
     * @param budget the embedding model's tokenizer and budget, so chunks are counted exactly as the model will read
     *               them and none is cut off
     */
    public NotesIngestor(IngestOptions options, TokenBudget budget) {
        this.options = Objects.requireNonNull(options, "options");
        this.reader = new NoteReader(new Chunker(budget.tokens(), budget.maxTokens()));
    }

    /** Reads every note: {@link #ingest(Path, Map)} with nothing indexed. */
    public IngestResult ingest(Path notesRoot) {
        return ingest(notesRoot, Map.of());
    }

    /**
     * Never throws for a bad file: each gets its entry in the report and the good notes still come back. A file
     * whose stamp matches {@code indexed} is not read; one whose bytes hash to the indexed hash is not parsed.
     *
     * @param indexed what the index holds, by note path
     * @throws IllegalArgumentException when {@code notesRoot} is not a readable folder
     */
    public IngestResult ingest(Path notesRoot, Map<String, IndexedFile> indexed) {
        long listedAt = System.currentTimeMillis();
        NotesFolder.Listing listing = new NotesFolder(options).list(notesRoot);
        List<Note> notes = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        Map<String, FileStamp> stamps = new HashMap<>();
        List<Problem> problems = new ArrayList<>(listing.problems());
        for (NotesFolder.NoteFile file : listing.files()) {
            IndexedFile known = indexed.get(file.path());
            if (known != null && file.stamp().equals(known.stamp())) {
                unchanged.add(file.path());
                continue;
            }
            NoteReader.Read read = read(file, known == null ? null : known.contentHash());
            problems.addAll(read.problems());
            if (read.unchanged()) {
                unchanged.add(file.path());
            } else if (read.note() != null) {
                notes.add(read.note());
            }
            // an unchanged file's new stamp too, so the next sync skips it without hashing
            if ((read.unchanged() || read.note() != null) && file.stamp().lastModified() < listedAt - RACY_MILLIS) {
                stamps.put(file.path(), file.stamp());
            }
        }
        int chunks = notes.stream().mapToInt(note -> note.chunks().size()).sum();
        return new IngestResult(notes, new IngestReport(listing.filesSeen(), notes.size(), chunks, problems),
                unchanged, stamps);
    }

    /**
     * Whatever one note throws, even an Error from a parser that recursed too deep, costs that note alone: it
     * becomes its ERROR in the report and the other notes are still read.
     */
    private NoteReader.Read read(NotesFolder.NoteFile file, String indexedHash) {
        try {
            return reader.read(file, indexedHash);
        } catch (Throwable e) {
            LOG.warn("Reading note {} failed", file.path(), e);
            return new NoteReader.Read(null,
                    List.of(new Problem(file.path(), 0, Problem.Severity.ERROR, NoteLimits.describe(e))));
        }
    }
}
