package org.askthenotes.retrieval;

import java.util.HashMap;
import java.util.Map;
import org.askthenotes.ingest.Chunk;

/** Diversity: admits at most {@code max} chunks of one note section (note path and anchor); 0 admits everything. */
final class SectionCap {
    private final int max;
    private final Map<String, Integer> counts = new HashMap<>();

    SectionCap(int max) {
        this.max = max;
    }

    boolean admit(Chunk chunk) {
        if (max == 0) {
            return true;
        }
        String section = chunk.notePath() + "#" + chunk.anchor();
        int count = counts.merge(section, 1, Integer::sum);
        return count <= max;
    }
}
