package org.askthenotes.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.askthenotes.app.NotesService;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.view.AnswerView;
import org.askthenotes.app.view.HitView;
import org.askthenotes.app.view.StatsView;
import org.askthenotes.generation.Answer;
import org.askthenotes.generation.AskRequest;
import org.askthenotes.retrieval.Filters;
import org.askthenotes.retrieval.SearchRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JSON API's handlers; WebApp holds the route table and maps their exceptions to statuses. */
final class ApiHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandlers.class);

    private final NotesService service;
    private final AppConfig config;
    private final ObjectMapper mapper;

    ApiHandlers(NotesService service, ObjectMapper mapper) {
        this.service = service;
        this.config = service.config();
        this.mapper = mapper;
    }

    /** "degraded" while the latest sync failed: searches still answer from the last good index. */
    void health(Context ctx) {
        NotesService.SyncFailure failure = service.lastFailure();
        ctx.json(failure == null ? Map.of("status", "ok")
                : Map.of("status", "degraded", "cause", "sync failed: " + failure.cause(),
                        "since", failure.at().toString()));
    }

    void stats(Context ctx) {
        ctx.json(StatsView.of(service.stats(), service));
    }

    void search(Context ctx) {
        String query = AskParams.question(ctx.queryParam("q"), "q");
        int k = AskParams.k(ctx.queryParam("k"), config);
        SearchRequest request = new SearchRequest(query, k, AskParams.mode(ctx.queryParam("mode"), config),
                queryFilters(ctx));
        ctx.json(Map.of("query", query, "mode", request.mode().id(), "k", k,
                "hits", HitView.of(service.search(request))));
    }

    void ask(Context ctx) throws java.io.IOException {
        AskBody body;
        try {
            body = mapper.readValue(ctx.bodyAsBytes(), AskBody.class);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(JsonErrors.message("request body", e));
        }
        AskRequest request = AskParams.request(body, config);
        String answerer = AskParams.answerer(body.answerer());
        Answer answer = service.ask(answerer, request, org.askthenotes.generation.AnswerListener.NONE);
        ctx.json(AnswerView.of(answer));
    }

    /** Checks the query before the stream opens, so a bad request is a plain 400 rather than a stream. */
    void askStream(Context ctx) throws Exception {
        AskRequest request = new AskRequest(
                AskParams.question(ctx.queryParam("question"), "question"),
                AskParams.history(history(ctx.queryParam("history"))),
                AskParams.k(ctx.queryParam("k"), config),
                AskParams.mode(ctx.queryParam("mode"), config),
                queryFilters(ctx),
                "true".equals(ctx.queryParam("includePrompt")));
        String answerer = AskParams.answerer(ctx.queryParam("answerer"));
        new AnswerStream(service, mapper).run(ctx, answerer, request);
    }

    /**
     * The token, when configured, was checked by {@link AccessGuard} before this runs. A failed sync says why (the
     * cause names folders as "the notes folder", never by absolute path) instead of the generic 500: the caller
     * asked for exactly this work and can act on its cause; what was indexed before stays served.
     */
    void reindex(Context ctx) {
        LOG.info("Reindex requested");
        NotesService.SyncOutcome outcome;
        try {
            outcome = service.syncUnchecked((done, total) -> { });
        } catch (RuntimeException e) {
            LOG.warn("Reindex failed: {}", e.getMessage());
            throw new ApiException(500, e.getMessage() + "; the index still serves what it held before");
        }
        ctx.json(outcome);
    }

    /** tags and categories may repeat (?tags=a&tags=b) or be comma-separated (?tags=a,b). */
    private static Filters queryFilters(Context ctx) {
        return AskParams.filters(listParam(ctx, "tags"), listParam(ctx, "categories"),
                ctx.queryParam("notePathPrefix"), ctx.queryParam("language"));
    }

    private static List<String> listParam(Context ctx, String name) {
        List<String> values = new ArrayList<>();
        for (String value : ctx.queryParams(name)) {
            values.addAll(Arrays.asList(value.split(",")));
        }
        return values;
    }

    private List<AskBody.TurnBody> history(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return mapper.readValue(json, new TypeReference<List<AskBody.TurnBody>>() { });
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(JsonErrors.message("history (a JSON array of {question, answer})", e));
        }
    }
}
