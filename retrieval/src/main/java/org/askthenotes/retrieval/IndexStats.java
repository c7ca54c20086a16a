package org.askthenotes.retrieval;

import java.time.Instant;
import java.util.SortedSet;

/** What the index holds now; lastSync is null before the first sync. Tags and categories feed filter menus. */
public record IndexStats(
        int notes,
        int chunks,
        String modelId,
        int dimension,
        long sizeOnDiskBytes,
        Instant lastSync,
        SortedSet<String> tags,
        SortedSet<String> categories) {
}
