package org.askthenotes.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.askthenotes.app.NotesService;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.config.Settings;
import org.askthenotes.app.web.WebApp;
import org.askthenotes.retrieval.SyncListener;

/** The real server on a free loopback port over a synced index of the given notes: what API and browser tests hit. */
public final class TestServer implements AutoCloseable {
    private final NotesService service;
    private final Javalin app;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    public TestServer(Path notes, Path index, Map<String, String> env) throws IOException {
        AppConfig config = Settings.resolve(env, index.getParent(), null)
                .withFolders(notes, index);
        service = NotesService.open(config);
        service.sync(SyncListener.NONE);
        app = WebApp.create(service).start("127.0.0.1", 0);
    }

    public NotesService service() {
        return service;
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public HttpResponse<String> get(String rawPath) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + rawPath)).GET());
    }

    public HttpResponse<String> post(String rawPath, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + rawPath))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** For Server-Sent Events: the body line by line as it arrives. */
    public HttpResponse<java.util.stream.Stream<String>> lines(String rawPath) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + rawPath)).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public JsonNode json(HttpResponse<String> response) throws IOException {
        return mapper.readTree(response.body());
    }

    public String json(Object value) throws IOException {
        return mapper.writeValueAsString(value);
    }

    @Override
    public void close() throws IOException {
        app.stop();
        service.close();
    }
}
