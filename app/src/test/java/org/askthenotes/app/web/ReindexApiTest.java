package org.askthenotes.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.askthenotes.app.support.TestNotes;
import org.askthenotes.app.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/reindex with a token configured: refused without it, and a sync that picks up a new note with it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReindexApiTest {
    static final String TOKEN = "s3cret-token";

    /** Shared by the class's tests, so the index is built once; JUnit injects it into the @BeforeAll method. */
    Path dir;
    Path notes;
    TestServer server;

    @BeforeAll
    void startServer(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        notes = TestNotes.copyTo(dir.resolve("notes"));
        server = new TestServer(notes, dir.resolve("index"), Map.of("ATN_REINDEX_TOKEN", TOKEN));
    }

    @AfterAll
    void stopServer() throws IOException {
        server.close();
    }

    private HttpResponse<String> reindex(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/reindex"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return server.send(request);
    }

    @Test
    void reindexNeedsTheToken() throws Exception {
        for (String authorization : new String[] {null, "Bearer wrong", "Basic " + TOKEN, "Bearer"}) {
            HttpResponse<String> response = reindex(authorization);
            assertEquals(401, response.statusCode(), authorization + ": " + response.body());
            assertTrue(server.json(response).get("error").asText().contains("Bearer"), response.body());
        }
    }

    @Test
    void reindexWithTheTokenSyncsANewNote() throws Exception {
        int before = server.json(server.get("/api/stats")).get("notes").asInt();
        Files.writeString(notes.resolve("axolotl.md"), """
                ---
                title: Axolotl facts
                tags: [animals]
                categories: [zoology]
                ---
                # Axolotl regeneration

                The axolotl regrows whole limbs, its spinal cord and parts of its heart.
                """);
        HttpResponse<String> response = reindex("Bearer " + TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode outcome = server.json(response);
        assertEquals(1, outcome.get("sync").get("notesAdded").asInt(), response.body());
        assertEquals(before + 1, server.json(server.get("/api/stats")).get("notes").asInt());
        JsonNode hits = server.json(server.get("/api/search?q=axolotl&mode=bm25&k=1")).get("hits");
        assertEquals("axolotl.md", hits.get(0).get("notePath").asText());
    }
}
