package org.askthenotes.app.web;

import java.util.List;

/** The JSON body of POST /api/ask; every field but the question is optional. */
public record AskBody(
        String question,
        Integer k,
        String mode,
        FiltersBody filters,
        String answerer,
        List<TurnBody> history,
        Boolean includePrompt) {

    public record FiltersBody(List<String> tags, List<String> categories, String notePathPrefix, String language) {
    }

    public record TurnBody(String question, String answer) {
    }
}
