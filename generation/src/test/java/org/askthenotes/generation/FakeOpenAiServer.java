package org.askthenotes.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in for a remote LLM on loopback that speaks the OpenAI chat-completions wire format: a plain JSON
 * completion, or server-sent events ({@code data: {chunk}} lines, then {@code data: [DONE]}) when the request
 * asks to stream. It records every request body and replies with whatever {@code replier} makes of it. Shared
 * with the app's tests through this module's test-jar.
 */
public final class FakeOpenAiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Function<JsonNode, String> replier;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    private final Duration pieceDelay;
    private final AtomicInteger piecesSent = new AtomicInteger();

    public FakeOpenAiServer(Function<JsonNode, String> replier) throws IOException {
        this(replier, Duration.ZERO);
    }

    /** A slow model: waits {@code pieceDelay} before each streamed piece (to test cancelling mid-answer). */
    public FakeOpenAiServer(Function<JsonNode, String> replier, Duration pieceDelay) throws IOException {
        this.replier = replier;
        this.pieceDelay = pieceDelay;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        // One thread per exchange, so a slow stream does not hold up the next request.
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** Streamed pieces written so far, over all requests; it stops growing when a client cancels the stream. */
    public int piecesSent() {
        return piecesSent.get();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The text of the message with this role in a recorded request. */
    public static String message(JsonNode request, String role) {
        for (JsonNode message : request.get("messages")) {
            if (message.get("role").asText().equals(role)) {
                return message.get("content").asText();
            }
        }
        throw new AssertionError("no " + role + " message in " + request);
    }

    /** A replier's answer that makes the server fail the request as OpenAI does, with a 500 and an error body. */
    public static final String FAIL = "<fail>";

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            String reply = replier.apply(request);
            if (reply.equals(FAIL)) {
                fail(exchange);
                return;
            }
            if (request.path("stream").asBoolean(false)) {
                stream(exchange, reply);
            } else {
                plain(exchange, reply);
            }
        }
    }

    private static void fail(HttpExchange exchange) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", "The server had an error").put("type", "server_error");
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(500, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void plain(HttpExchange exchange, String reply) throws IOException {
        ObjectNode body = JSON.createObjectNode()
                .put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1).put("model", "test");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", reply);
        body.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Streams the reply in word-sized pieces, as a model would. */
    private void stream(HttpExchange exchange, String reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String piece : pieces(reply)) {
            pause();
            event(out, chunk(JSON.createObjectNode().put("content", piece), null));
            piecesSent.incrementAndGet();
        }
        event(out, chunk(JSON.createObjectNode(), "stop"));
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void pause() throws IOException {
        try {
            Thread.sleep(pieceDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static List<String> pieces(String reply) {
        List<String> pieces = new ArrayList<>();
        for (String word : reply.split("(?<= )")) {
            pieces.add(word);
        }
        return pieces;
    }

    private static ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion.chunk")
                .put("created", 1).put("model", "test");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return body;
    }

    private static void event(OutputStream out, JsonNode data) throws IOException {
        out.write(("data: " + JSON.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
