package org.askthenotes.generation;

import java.util.List;

/**
 * Where a marker [n] in an answer points: one retrieved chunk, precisely enough to open the note at the passage.
 *
 * @param n       the number of the source in the prompt's context, as cited in the answer
 * @param snippet the quoted passage the answer drew on (or the chunk's opening when nothing narrower applies)
 * @param injectionWarning why the cited chunk reads like an instruction to an AI model (see
 *                         {@link org.askthenotes.ingest.InjectionDetector}), null when it does not: the reader should
 *                         be wary of it
 */
public record Citation(
        int n,
        String chunkId,
        String notePath,
        List<String> headingPath,
        String anchor,
        int startLine,
        int endLine,
        String snippet,
        String injectionWarning) {
    public Citation {
        headingPath = List.copyOf(headingPath);
    }
}
