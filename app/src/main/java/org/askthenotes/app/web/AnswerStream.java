package org.askthenotes.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.askthenotes.app.NotesService;
import org.askthenotes.app.view.AnswerView;
import org.askthenotes.app.view.HitView;
import org.askthenotes.app.view.Json;
import org.askthenotes.generation.Answer;
import org.askthenotes.generation.AnswerListener;
import org.askthenotes.generation.AskRequest;
import org.askthenotes.generation.LlmFailure;
import org.askthenotes.retrieval.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One answer as Server-Sent Events: {@code sources}, then {@code delta} per piece of text, then {@code citations}
 * and {@code done} (the same object as POST /api/ask); {@code error} instead when answering fails.
 * Written straight to the response rather than through Javalin's SseHandler, which stays silent unless the client
 * sends "Accept: text/event-stream": curl and plain HTTP clients get the stream too.
 */
final class AnswerStream {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerStream.class);

    private final NotesService service;
    private final ObjectMapper mapper;

    AnswerStream(NotesService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    void run(Context ctx, String answerer, AskRequest request) throws IOException {
        ctx.status(200);
        // A compressing stream would hold events back until its buffer fills.
        ctx.disableCompression();
        ctx.contentType("text/event-stream; charset=utf-8");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Accel-Buffering", "no");
        Events client = new Events(ctx.res().getOutputStream());
        int[] deltas = {0};
        try {
            Answer answer = service.ask(answerer, request, new AnswerListener() {
                @Override
                public void onSources(List<Hit> sources) {
                    send(client, "sources", HitView.of(sources));
                }

                @Override
                public void onDelta(String text) {
                    send(client, "delta", Map.of("text", text));
                    deltas[0]++;
                    if (client.closed) {
                        // Unwinds the answerer (an LLM answerer cancels its call) instead of answering no one.
                        throw new ClientLeft();
                    }
                }
            });
            send(client, "citations", citations(answer));
            send(client, "done", AnswerView.of(answer));
        } catch (ClientLeft e) {
            LOG.info("GET /api/ask/stream: the client left after {} deltas; answer cancelled", deltas[0]);
        } catch (LlmFailure e) {
            // The 200 went out with the sources; the status the POST would have had travels in the event.
            LOG.warn("GET /api/ask/stream: {}", e.getMessage());
            send(client, "error", Map.of("error", e.getMessage(), "status", WebApp.llmStatus(e)));
        } catch (IllegalArgumentException e) {
            // A setting the answerer needs and lacks (an LLM answerer without its key): the user can act on it.
            LOG.warn("GET /api/ask/stream: {}", e.getMessage());
            send(client, "error", Map.of("error", e.getMessage(), "status", 400));
        } catch (RuntimeException e) {
            LOG.error("Streaming an answer failed", e);
            send(client, "error", Map.of("error", "internal error while answering; the server log has the details",
                    "status", 500));
        }
    }

    private static Map<String, Object> citations(Answer answer) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("citations", answer.citations());
        event.put("alsoRetrieved", answer.alsoRetrieved());
        event.put("grounded", answer.grounded());
        event.put("abstained", answer.abstained());
        event.put("ungroundedSentences", answer.ungroundedSentences());
        event.put("droppedMarkers", answer.droppedMarkers());
        return event;
    }

    /** Pre-serialized so every event's data is exactly one line of JSON. */
    private void send(Events client, String event, Object data) {
        client.send(event, Json.line(mapper, data));
    }

    /** Thrown from the delta listener once the client has gone (Stop in the page, a closed tab). */
    private static final class ClientLeft extends RuntimeException {
        ClientLeft() {
            super("the client left the stream", null, false, false);
        }
    }

    /** The response body as an event stream; once the client has gone, further events are dropped. */
    private static final class Events {
        private final OutputStream out;
        private boolean closed;

        Events(OutputStream out) {
            this.out = out;
        }

        void send(String event, String oneLineData) {
            if (closed) {
                return;
            }
            try {
                out.write(("event: " + event + "\ndata: " + oneLineData + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                LOG.debug("Client left the stream: {}", e.getMessage());
                closed = true;
            }
        }
    }
}
