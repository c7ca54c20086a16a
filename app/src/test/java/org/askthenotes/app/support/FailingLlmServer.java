package org.askthenotes.app.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for an OpenAI-compatible LLM server on loopback that fails every chat completion the way OpenAI does:
 * HTTP 500 with an error body. Closing it leaves a port that refuses connections: the server is down.
 */
public final class FailingLlmServer implements AutoCloseable {
    public static final String ERROR = "The model is overloaded, try again later";

    private final HttpServer server;

    public FailingLlmServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                byte[] body = ("{\"error\": {\"message\": \"" + ERROR + "\", \"type\": \"server_error\"}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(500, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
