package org.askthenotes.retrieval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.askthenotes.ingest.IngestOptions;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.NotesIngestor;

/** Where the bundled sample notes and golden set live; tests that need them skip, saying why, when they cannot. */
final class BundledNotes {
    private BundledNotes() {
    }

    static Path repoFile(String relative) {
        return org.askthenotes.ingest.RepoRoot.resolve(relative);
    }

    static Path notesDir() {
        Path notes = repoFile("docs/notes");
        assumeTrue(Files.isDirectory(notes), "the bundled notes are not at " + notes);
        return notes;
    }

    static IngestResult ingest(Path notes) {
        return new NotesIngestor(IngestOptions.defaults(), Embedders.tokenBudget(Embedders.DEFAULT)).ingest(notes);
    }
}
