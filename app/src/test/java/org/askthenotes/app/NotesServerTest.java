package org.askthenotes.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.config.Settings;
import org.askthenotes.app.support.TestNotes;
import org.askthenotes.retrieval.SyncListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What serve runs, end to end: a note saved into the watched folder becomes searchable without a restart. */
class NotesServerTest {
    @TempDir
    Path dir;

    @Test
    void aNoteSavedWhileServingIsIndexedAndFound() throws Exception {
        Path notes = TestNotes.copyTo(dir.resolve("notes"));
        AppConfig config = Settings.resolve(Map.of("ATN_PORT", "0"), dir, null)
                .withFolders(notes, dir.resolve("index"));
        HttpClient client = HttpClient.newHttpClient();
        ObjectMapper mapper = new ObjectMapper();
        try (NotesServer server = NotesServer.start(config, SyncListener.NONE)) {
            URI search = URI.create("http://127.0.0.1:" + server.port() + "/api/search?q=axolotl&mode=bm25&k=1");
            assertEquals(0, hits(client, mapper, search).size(), "the word is in no bundled note");

            Files.createDirectories(notes.resolve("zoology"));
            Files.writeString(notes.resolve("zoology/axolotl.md"), """
                    ---
                    title: Axolotl facts
                    ---
                    # Axolotl regeneration

                    The axolotl regrows whole limbs, its spinal cord and parts of its heart.
                    """);
            JsonNode hits = hits(client, mapper, search);
            // The watcher syncs once edits settle; poll for the result with a generous bound, not a timing assert.
            for (int i = 0; i < 240 && hits.isEmpty(); i++) {
                Thread.sleep(250);
                hits = hits(client, mapper, search);
            }
            assertEquals(1, hits.size(), "the new note was indexed by the watcher's sync");
            assertEquals("zoology/axolotl.md", hits.get(0).get("notePath").asText());
            assertTrue(hits.get(0).get("anchor").asText().startsWith("axolotl"), hits.toString());
        }
    }

    private static JsonNode hits(HttpClient client, ObjectMapper mapper, URI uri) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return mapper.readTree(response.body()).get("hits");
    }
}
