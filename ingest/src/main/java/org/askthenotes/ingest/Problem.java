package org.askthenotes.ingest;

/**
 * One entry of an {@link IngestReport}: what was wrong with which file.
 *
 * @param line     1-based line in the file, 0 when the problem has no line
 * @param severity WARNING: the note was still ingested; ERROR: the file was skipped
 */
public record Problem(String path, int line, Severity severity, String reason) {

    public enum Severity { WARNING, ERROR }

    @Override
    public String toString() {
        return severity + " " + path + (line > 0 ? ":" + line : "") + ": " + reason;
    }
}
