package org.askthenotes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one note by its path under the rules a folder walk applies, for callers that show a single note (the
 * note view): hidden files and folders, include/exclude patterns, the size cap and the decoding (binary, invalid
 * UTF-8, empty) give the same verdict, and the same words, as in the ingest report. The caller has already made
 * sure the path stays inside the notes folder.
 */
public final class NoteLoader {

    /**
     * The note's text, or the ERROR that keeps it out of the index (and out of view).
     *
     * @param notANote true when the file is no note at all (hidden, or left out by the patterns), false when it is
     *                 a note that cannot be read (too big, binary, invalid UTF-8, empty)
     */
    public record Loaded(String text, Problem problem, boolean notANote) {
    }

    private final NotesFolder folder;
    private final long maxFileBytes;

    public NoteLoader(IngestOptions options) {
        this.folder = new NotesFolder(options);
        this.maxFileBytes = options.maxFileBytes();
    }

    /** @param relative the note's path under {@code root} with '/' separators, as chunks name it */
    public Loaded load(Path root, String relative) throws IOException {
        Path relativePath = root.getFileSystem().getPath(relative);
        for (Path segment : relativePath) {
            if (NotesFolder.hidden(segment)) {
                return notANote(relative, "hidden files and folders are not notes");
            }
        }
        if (!folder.selected(relativePath)) {
            return notANote(relative, "not one of the notes: the include and exclude patterns leave it out");
        }
        Path file = root.resolve(relativePath);
        long size = Files.size(file);
        if (size > maxFileBytes) {
            return error(relative, NotesFolder.tooBig(size, maxFileBytes));
        }
        byte[] bytes;
        // Read no more than the cap even if the file grows after it was measured.
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
        }
        if (bytes.length > maxFileBytes) {
            return error(relative, NotesFolder.tooBig(bytes.length, maxFileBytes));
        }
        NoteDecoder.Decoded decoded = NoteDecoder.decode(relative, bytes);
        return new Loaded(decoded.text(), decoded.problem(), false);
    }

    private static Loaded error(String path, String reason) {
        return new Loaded(null, new Problem(path, 0, Problem.Severity.ERROR, reason), false);
    }

    private static Loaded notANote(String path, String reason) {
        return new Loaded(null, new Problem(path, 0, Problem.Severity.ERROR, reason), true);
    }
}
