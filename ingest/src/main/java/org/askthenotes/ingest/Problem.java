package org.askthenotes.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;

/**
 * One entry of an {@link IngestReport}: what was wrong with which file.
 *
 * @param line     1-based line in the file, 0 when the problem has no line
 * @param severity WARNING: the note was still ingested; ERROR: the file was skipped
 */
public record Problem(String path, int line, Severity severity, String reason) {

    public enum Severity { WARNING, ERROR }

    /**
     * An I/O failure in words, without the exception's class and without the absolute path its message carries:
     * reasons are shown to API clients, and the entry already names the file relative to the notes folder.
     */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it no longer exists";
        }
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        if (e instanceof FileSystemException fs) {
            return fs.getReason() == null ? "file system error" : fs.getReason();
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    @Override
    public String toString() {
        return severity + " " + path + (line > 0 ? ":" + line : "") + ": " + reason;
    }
}
