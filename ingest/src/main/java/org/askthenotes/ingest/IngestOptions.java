package org.askthenotes.ingest;

import java.util.List;

/**
 * How a notes folder is read and chunked.
 *
 * @param include        glob patterns, relative to the notes root, of files to read
 * @param exclude        glob patterns of files to leave out, applied after include
 * @param maxFileBytes   larger files are reported and skipped
 */
public record IngestOptions(List<String> include, List<String> exclude, long maxFileBytes) {

    public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

    public IngestOptions {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        }
    }

    public static IngestOptions defaults() {
        return new IngestOptions(List.of("**/*.md"), List.of(), DEFAULT_MAX_FILE_BYTES);
    }
}
