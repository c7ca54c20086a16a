package org.askthenotes.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
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
import org.askthenotes.retrieval.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One answer as Server-Sent Events: {@code sources}, then {@code delta} per piece of text, then {@code citations}
 * and {@code done} (the same object as POST /api/ask); {@code error} instead when answering fails.
 */
final class AnswerStream {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerStream.class);

    private final NotesService service;
    private final ObjectMapper mapper;

    AnswerStream(NotesService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    void run(SseClient client, String answerer, AskRequest request) {
        try {
            Answer answer = service.ask(answerer, request, new AnswerListener() {
                @Override
                public void onSources(List<Hit> sources) {
                    send(client, "sources", HitView.of(sources));
                }

                @Override
                public void onDelta(String text) {
                    send(client, "delta", Map.of("text", text));
                }
            });
            send(client, "citations", citations(answer));
            send(client, "done", AnswerView.of(answer));
        } catch (RuntimeException e) {
            LOG.error("Streaming an answer failed", e);
            send(client, "error", Map.of("error", e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
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
    private void send(SseClient client, String event, Object data) {
        if (!client.terminated()) {
            client.sendEvent(event, Json.line(mapper, data));
        }
    }
}
