package org.askthenotes.app.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.generation.AskRequest;
import org.askthenotes.generation.Turn;
import org.askthenotes.ingest.Language;
import org.askthenotes.retrieval.Filters;
import org.askthenotes.retrieval.SearchMode;

/**
 * Checks what a client sent and turns it into an {@link AskRequest}: the limits of the API live here,
 * shared by POST /api/ask, the stream and search.
 */
public final class AskParams {
    public static final int MAX_QUESTION_CHARS = 2000;
    public static final int MAX_HISTORY_TURNS = 20;

    private AskParams() {
    }

    public static String question(String question, String field) {
        if (question == null || question.isBlank()) {
            throw ApiException.badRequest(field + " is required and must not be empty");
        }
        if (question.length() > MAX_QUESTION_CHARS) {
            throw ApiException.badRequest(field + " is longer than " + MAX_QUESTION_CHARS + " characters: "
                    + question.length());
        }
        return question.strip();
    }

    public static int k(Integer k, AppConfig config) {
        if (k == null) {
            return config.k();
        }
        if (k < 1 || k > AppConfig.MAX_K) {
            throw ApiException.badRequest("k must be between 1 and " + AppConfig.MAX_K + ": " + k);
        }
        return k;
    }

    public static SearchMode mode(String mode, AppConfig config) {
        if (mode == null || mode.isBlank()) {
            return config.mode();
        }
        try {
            return SearchMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    public static String answerer(String answerer) {
        if (answerer == null || answerer.isBlank()) {
            return null;
        }
        if (!AppConfig.ANSWERERS.contains(answerer)) {
            throw ApiException.badRequest("unknown answerer '" + answerer + "': use extractive, openai or ollama");
        }
        return answerer;
    }

    public static Filters filters(List<String> tags, List<String> categories, String prefix, String language) {
        Language lang = null;
        if (language != null && !language.isBlank()) {
            try {
                lang = Language.fromCode(language);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("unknown language '" + language + "': use en or zh");
            }
        }
        String cleanPrefix = prefix == null || prefix.isBlank() ? null : prefix;
        Filters filters = new Filters(clean(tags), clean(categories), cleanPrefix, lang);
        return filters.isEmpty() ? Filters.NONE : filters;
    }

    public static List<Turn> history(List<AskBody.TurnBody> turns) {
        if (turns == null) {
            return List.of();
        }
        if (turns.size() > MAX_HISTORY_TURNS) {
            throw ApiException.badRequest("history holds more than " + MAX_HISTORY_TURNS + " turns: " + turns.size());
        }
        List<Turn> history = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            AskBody.TurnBody turn = turns.get(i);
            if (turn == null || turn.question() == null || turn.answer() == null) {
                throw ApiException.badRequest("history[" + i + "] needs both question and answer");
            }
            history.add(new Turn(turn.question(), turn.answer()));
        }
        return history;
    }

    /** The whole body of POST /api/ask, checked field by field. */
    public static AskRequest request(AskBody body, AppConfig config) {
        if (body == null) {
            throw ApiException.badRequest("request body is required: {\"question\": \"...\"}");
        }
        AskBody.FiltersBody f = body.filters() == null
                ? new AskBody.FiltersBody(null, null, null, null) : body.filters();
        return new AskRequest(question(body.question(), "question"), history(body.history()),
                k(body.k(), config), mode(body.mode(), config),
                filters(f.tags(), f.categories(), f.notePathPrefix(), f.language()),
                Boolean.TRUE.equals(body.includePrompt()));
    }

    private static Set<String> clean(List<String> values) {
        Set<String> set = new LinkedHashSet<>();
        if (values != null) {
            values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(set::add);
        }
        return set;
    }
}
