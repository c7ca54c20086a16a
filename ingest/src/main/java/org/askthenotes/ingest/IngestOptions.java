package org.askthenotes.ingest;

import java.util.List;

/**
 * How a notes folder is read and chunked.
 *
 * @param include        glob patterns, relative to the notes root, of files to read
 * @param exclude        glob patterns of files to leave out, applied after include
 * @param maxFileBytes   larger files are reported and skipped
 * @param maxChunkTokens word-piece budget for a chunk's text to embed, heading prefix included
 */
public record IngestOptions(List<String> include, List<String> exclude, long maxFileBytes, int maxChunkTokens) {

    public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;
    /** all-MiniLM-L6-v2 reads at most 256 word pieces, [CLS] and [SEP] included. */
    public static final int DEFAULT_MAX_CHUNK_TOKENS = 254;

    public IngestOptions {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        }
        if (maxChunkTokens < 32) {
            throw new IllegalArgumentException("maxChunkTokens must be at least 32: " + maxChunkTokens);
        }
    }

    public static IngestOptions defaults() {
        return new IngestOptions(List.of("**/*.md"), List.of(), DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_CHUNK_TOKENS);
    }
}
