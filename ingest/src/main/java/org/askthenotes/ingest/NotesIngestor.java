package org.askthenotes.ingest;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads a notes folder into chunked notes and a report; the one entry point of this module. */
public final class NotesIngestor {

    /**
     * Changes whenever the same note would be cut into different chunks (rules, budget handling, cleanup), so an
     * index built by an older chunker knows to rebuild.
     */
    public static final int CHUNKER_VERSION = 1;

    private final IngestOptions options;
    private final NoteReader reader;

    /**
     * Loads the tokenizer of the embedding model (all-MiniLM-L6-v2's BERT word pieces, shipped in
     * langchain4j-embeddings) so chunk budgets are counted exactly as the model will read them.
     */
    public NotesIngestor(IngestOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.reader = new NoteReader(new Chunker(new HuggingFaceTokenCountEstimator(), options.maxChunkTokens()));
    }

    /**
     * Never throws for a bad file: each gets its entry in the report and the good notes still come back.
     *
     * @throws IllegalArgumentException when {@code notesRoot} is not a readable folder
     */
    public IngestResult ingest(Path notesRoot) {
        NotesFolder.Listing listing = new NotesFolder(options).list(notesRoot);
        List<Note> notes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(listing.problems());
        for (NotesFolder.NoteFile file : listing.files()) {
            NoteReader.Read read = reader.read(file);
            problems.addAll(read.problems());
            if (read.note() != null) {
                notes.add(read.note());
            }
        }
        int chunks = notes.stream().mapToInt(note -> note.chunks().size()).sum();
        return new IngestResult(notes, new IngestReport(listing.filesSeen(), notes.size(), chunks, problems));
    }
}
