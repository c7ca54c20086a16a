package org.askthenotes.ingest;

import java.util.List;

/**
 * One parsed note.
 *
 * @param path        relative to the notes root, with '/' separators; the key retrieval syncs by
 * @param contentHash SHA-256 of the file's bytes, hex: unchanged notes cost nothing on the next sync
 */
public record Note(String path, String title, String contentHash, List<Chunk> chunks) {
    public Note {
        chunks = List.copyOf(chunks);
    }
}
