package org.askthenotes.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.validation.ValidationException;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.askthenotes.app.NotesService;
import org.askthenotes.app.view.Json;
import org.askthenotes.generation.LlmFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the web app: the chat page, the note view and the JSON API over one {@link NotesService}. */
public final class WebApp {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

    public static final long MAX_BODY_BYTES = 64 * 1024;

    /** Scripts only from this server, no inline script, no plugins: a payload that slips into the page cannot run. */
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private WebApp() {
    }

    /** An unstarted server; call {@code start(host, port)} (port 0 picks a free one, see {@code port()}). */
    public static Javalin create(NotesService service) throws IOException {
        ObjectMapper mapper = Json.mapper();
        ApiHandlers api = new ApiHandlers(service, mapper);
        NoteHandlers notes = new NoteHandlers(new NotePaths(service.notesRoot()),
                service.noteLoader(), new NoteRenderer());
        NoteImages images = new NoteImages(service.notesRoot());
        NoteExamples examples = new NoteExamples(service.notesRoot());
        FeedbackHandlers feedback = new FeedbackHandlers(service, mapper);
        AccessGuard guard = new AccessGuard(service.config());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.routes.before(guard::check);
            routes(config.routes, api, notes);
            config.routes.get(NoteImages.ROUTE + "<path>", images::serve);
            config.routes.get("/api/examples", examples::serve);
            feedbackRoutes(config.routes, feedback);
            errors(config.routes);
        });
    }

    private static void routes(RoutesConfig routes, ApiHandlers api, NoteHandlers notes) {
        routes.before(WebApp::securityHeaders);
        routes.get("/api/health", api::health);
        routes.get("/api/stats", api::stats);
        routes.get("/api/search", api::search);
        routes.post("/api/ask", api::ask);
        routes.get("/api/ask/stream", api::askStream);
        routes.post("/api/reindex", api::reindex);
        routes.get("/api/notes/<path>", notes::noteJson);
        routes.get("/notes/<path>", notes::notePage);
    }

    private static void feedbackRoutes(RoutesConfig routes, FeedbackHandlers feedback) {
        routes.post("/api/feedback", feedback::rate);
        routes.get("/api/feedback/stats", feedback::stats);
    }

    /** Every error leaves as {"error": message} with its status; a stack trace stays in the server log. */
    private static void errors(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        routes.exception(ValidationException.class, (e, ctx) -> error(ctx, 400, validationMessage(e)));
        routes.exception(JsonProcessingException.class,
                (e, ctx) -> error(ctx, 400, JsonErrors.message("request body", e)));
        routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        // The LLM's failure is the cause a user can act on: one log line, no stack trace, and the message says it.
        routes.exception(LlmFailure.class, (e, ctx) -> {
            LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            error(ctx, llmStatus(e), e.getMessage());
        });
        // Exception names and messages may carry class names and absolute paths: they go to the log only.
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error while handling " + ctx.method() + " " + ctx.path()
                    + "; the server log has the details");
        });
    }

    /** 503 when the LLM server could not be reached, 502 when it answered badly. */
    static int llmStatus(LlmFailure e) {
        return e.unreachable() ? 503 : 502;
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message == null ? "error " + status : message));
    }

    private static String validationMessage(ValidationException e) {
        return e.getErrors().entrySet().stream()
                .map(entry -> "invalid " + entry.getKey() + ": " + entry.getValue().stream()
                        .map(err -> String.valueOf(err.value)).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}
