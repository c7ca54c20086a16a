package org.askthenotes.generation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IngestOptions;
import org.askthenotes.ingest.Note;
import org.askthenotes.ingest.NotesIngestor;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.SyncListener;

/**
 * A small notes folder in another author's style (plain English, hard-wrapped lines, a numbered list under a
 * lead-in, a table, an image, a code block), in test resources: the answerer was not tuned on it.
 */
final class ThirdPartyNotes {
    private ThirdPartyNotes() {
    }

    static Path folder() {
        try {
            return Path.of(ThirdPartyNotes.class.getResource("/third-party-notes").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resource third-party-notes", e);
        }
    }

    /** The chunks ingest makes of one of its notes, as the answerer receives them. */
    static List<Chunk> chunks(String notePath) {
        return new NotesIngestor(IngestOptions.defaults(),
                org.askthenotes.retrieval.Embedders.tokenBudget(org.askthenotes.retrieval.Embedders.DEFAULT)).ingest(folder()).notes().stream()
                .filter(n -> n.path().equals(notePath)).findFirst().map(Note::chunks).orElseThrow();
    }

    /** A real index of the folder in a temporary directory; the caller closes it. */
    static NotesIndex index(Path dir) {
        try {
            NotesIndex index = NotesIndex.open(Files.createDirectories(dir), TestModels.embedder());
            index.sync(new NotesIngestor(IngestOptions.defaults(),
                org.askthenotes.retrieval.Embedders.tokenBudget(org.askthenotes.retrieval.Embedders.DEFAULT)).ingest(folder()), SyncListener.NONE);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("indexing " + folder(), e);
        }
    }
}
