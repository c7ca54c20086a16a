package org.askthenotes.app.feedback;

import java.time.Instant;
import java.util.List;
import org.askthenotes.generation.Citation;
import org.askthenotes.generation.Turn;

/** Ratings built the way the API builds them, for the store and export tests. */
final class Ratings {
    private Ratings() {
    }

    static Citation citation(int n, String notePath, String... headingPath) {
        return new Citation(n, notePath + "#" + n, notePath, List.of(headingPath), "anchor-" + n, 3, 9,
                "a quoted passage " + n, null);
    }

    static Rating rating(String question, Rating.Thumbs thumbs, List<Citation> citations, String comment,
                         Rating.Section right) {
        return new Rating(0, Instant.parse("2026-11-29T18:00:00Z"), question, List.of(), "An answer [1].", citations,
                "extractive", "hybrid", "all-minilm-l6-v2", null, thumbs, comment, right);
    }

    static Rating followUp(String question, Rating.Thumbs thumbs, List<Citation> citations) {
        return new Rating(0, Instant.parse("2026-11-29T18:00:00Z"), question,
                List.of(new Turn("What is RAG?", "Retrieval-augmented generation [1].")), "An answer [1].",
                citations, "openai", "bm25", "all-minilm-l6-v2", "gpt-4o-mini", thumbs, null, null);
    }
}
