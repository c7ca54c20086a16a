package org.askthenotes.generation;

import java.util.List;
import java.util.Objects;
import org.askthenotes.retrieval.Filters;
import org.askthenotes.retrieval.SearchMode;

/** A question and how to answer it. */
public record AskRequest(
        String question,
        List<Turn> history,
        int k,
        SearchMode mode,
        Filters filters,
        boolean includePrompt) {
    public AskRequest {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(filters, "filters");
        history = List.copyOf(history);
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
    }

    public static AskRequest of(String question) {
        return new AskRequest(question, List.of(), 5, SearchMode.HYBRID, Filters.NONE, false);
    }
}
