package org.askthenotes.generation;

import java.util.List;

/**
 * Where a marker [n] in an answer points: one retrieved chunk, precisely enough to open the note at the passage.
 *
 * @param n       the number of the source in the prompt's context, as cited in the answer
 * @param snippet the quoted passage the answer drew on (or the chunk's opening when nothing narrower applies)
 */
public record Citation(
        int n,
        String chunkId,
        String notePath,
        List<String> headingPath,
        String anchor,
        int startLine,
        int endLine,
        String snippet) {
    public Citation {
        headingPath = List.copyOf(headingPath);
    }
}
