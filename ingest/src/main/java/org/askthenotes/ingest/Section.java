package org.askthenotes.ingest;

import java.util.List;

/**
 * The blocks under one heading, up to the next heading of any level.
 *
 * @param headingPath heading texts from the top of the note down to this one; empty for text before any heading
 * @param level       1 to 6, 0 for text before any heading
 * @param anchor      the heading's slug, "" for text before any heading
 * @param headingLine 1-based line of the heading, 0 for text before any heading
 */
record Section(List<String> headingPath, int level, String anchor, int headingLine, List<SourceBlock> blocks) {
    Section {
        headingPath = List.copyOf(headingPath);
        blocks = List.copyOf(blocks);
    }

    String heading() {
        return headingPath.isEmpty() ? "" : headingPath.get(headingPath.size() - 1);
    }

    String body() {
        return String.join("\n\n", blocks.stream().map(SourceBlock::text).toList());
    }
}
