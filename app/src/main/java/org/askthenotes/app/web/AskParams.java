package org.askthenotes.app.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.generation.AnswererKind;
import org.askthenotes.generation.AskRequest;
import org.askthenotes.generation.Turn;
import org.askthenotes.ingest.Language;
import org.askthenotes.retrieval.Filters;
import org.askthenotes.retrieval.SearchMode;
import org.askthenotes.retrieval.SearchRequest;

/**
 * Checks what a client sent and turns it into an {@link AskRequest}: the limits of the API live here,
 * shared by POST /api/ask, the stream and search.
 */
public final class AskParams {
    public static final int MAX_HISTORY_TURNS = 20;

    private AskParams() {
    }

    public static String question(String question, String field) {
        if (question == null || invisible(question)) {
            throw ApiException.badRequest(field + " is required and must not be empty"
                    + (question == null || question.isEmpty() ? "" : " (it holds only spaces or invisible characters)"));
        }
        if (question.length() > SearchRequest.MAX_QUERY_CHARS) {
            throw ApiException.badRequest(field + " is longer than " + SearchRequest.MAX_QUERY_CHARS + " characters: "
                    + question.length());
        }
        if (!wellFormed(question)) {
            throw ApiException.badRequest(field + " is not valid UTF-8 text (it holds bytes or escapes that are"
                    + " not characters)");
        }
        return question.strip();
    }

    /**
     * Only whitespace, no-break spaces (U+00A0, U+2007, U+202F, which String.isBlank keeps) and format characters
     * (zero-width spaces and joiners, the BOM): nothing a search could use.
     */
    static boolean invisible(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT || Character.isISOControl(c));
    }

    /**
     * Javalin decodes a query's invalid UTF-8 (%FF) to U+FFFD, and JSON may carry a lone surrogate (an escaped U+D800):
     * either means the client sent something that is not text.
     */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
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

    /** k as a query parameter: a whole number in 1..20, not "5.7" or "five". */
    public static int k(String k, AppConfig config) {
        if (k == null || k.isBlank()) {
            return config.k();
        }
        try {
            return k(Integer.valueOf(k.strip()), config);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("k must be a whole number between 1 and " + AppConfig.MAX_K + ": "
                    + (k.length() > 20 ? k.substring(0, 20) + "…" : k));
        }
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
        if (AnswererKind.find(answerer).isEmpty()) {
            throw ApiException.badRequest("unknown answerer '" + answerer + "': use " + AnswererKind.CHOICES);
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
