package org.askthenotes.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.askthenotes.app.NotesService;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.feedback.FeedbackStats;
import org.askthenotes.app.feedback.Rating;
import org.askthenotes.generation.AnswererKind;
import org.askthenotes.generation.AnswererSettings;
import org.askthenotes.generation.Citation;

/** POST /api/feedback stores a rating; GET /api/feedback/stats summarises them. */
final class FeedbackHandlers {
    static final int MAX_ANSWER_CHARS = 20_000;
    static final int MAX_COMMENT_CHARS = 2_000;
    static final int MAX_CITATIONS = 50;

    private final NotesService service;
    private final ObjectMapper mapper;

    FeedbackHandlers(NotesService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    void rate(Context ctx) throws IOException {
        FeedbackBody body = mapper.readValue(ctx.bodyAsBytes(), FeedbackBody.class);
        Rating stored = service.feedback().add(rating(body, service.config()));
        ctx.status(201).json(Map.of("id", stored.id(), "time", stored.time().toString()));
    }

    void stats(Context ctx) throws IOException {
        ctx.json(FeedbackStats.of(service.feedback().all()));
    }

    /** Checks the body field by field; the server, not the page, says which models answered and when. */
    static Rating rating(FeedbackBody body, AppConfig config) {
        if (body == null) {
            throw ApiException.badRequest("request body is required: {\"question\", \"answer\", \"thumbs\", ...}");
        }
        String question = AskParams.question(body.question(), "question");
        if (body.answer() == null || body.answer().length() > MAX_ANSWER_CHARS) {
            throw ApiException.badRequest("answer is required and at most " + MAX_ANSWER_CHARS + " characters");
        }
        if (body.comment() != null && body.comment().length() > MAX_COMMENT_CHARS) {
            throw ApiException.badRequest("comment is longer than " + MAX_COMMENT_CHARS + " characters: "
                    + body.comment().length());
        }
        List<Citation> citations = body.citations() == null ? List.of() : body.citations();
        if (citations.size() > MAX_CITATIONS) {
            throw ApiException.badRequest("citations holds more than " + MAX_CITATIONS + " entries");
        }
        String answerer = body.answerer() == null || body.answerer().isBlank() ? config.answerer() : body.answerer();
        if (answerer.length() > 40) {
            throw ApiException.badRequest("answerer is longer than 40 characters");
        }
        Rating.Thumbs thumbs = Rating.Thumbs.parse(body.thumbs());
        return new Rating(0, Instant.now(), question, AskParams.history(body.history()), body.answer(), citations,
                answerer, AskParams.mode(body.mode(), config).id(), config.embeddingModel(), llmModel(answerer, config),
                thumbs, body.comment(), body.rightSection());
    }

    private static String llmModel(String answerer, AppConfig config) {
        if (!AnswererKind.find(answerer).map(AnswererKind::isLlm).orElse(false)) {
            return null;
        }
        return new AnswererSettings(answerer, config.llmBaseUrl(), config.llmModel(), null, null, null).modelName();
    }
}
