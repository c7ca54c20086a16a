package org.askthenotes.ingest;

import java.util.Objects;

/**
 * What an index holds for one note file, so an ingest can skip it: its stamp (null when none was kept) is checked
 * first, then, when the stamp differs, the hash of its bytes before any parsing.
 */
public record IndexedFile(FileStamp stamp, String contentHash) {
    public IndexedFile {
        Objects.requireNonNull(contentHash, "contentHash");
    }
}
