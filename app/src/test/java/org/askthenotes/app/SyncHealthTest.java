package org.askthenotes.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.askthenotes.app.support.TestNotes;
import org.askthenotes.app.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quote bomb beside the bundled notes is one problem in /api/stats and the server starts; a sync that fails
 * (the notes folder gone) makes /api/health say degraded with its cause until a sync succeeds again.
 */
class SyncHealthTest {

    @TempDir
    Path dir;

    @Test
    void aHostileNoteIsOneProblemAndAFailedSyncIsReportedUntilTheNextOneSucceeds() throws Exception {
        Path notes = TestNotes.copyTo(dir.resolve("notes"));
        Files.writeString(notes.resolve("quotebomb.md"), "# Q\n\ntext\n\n" + ">".repeat(5000) + " x\n");
        try (TestServer server = new TestServer(notes, dir.resolve("index"), Map.of())) {
            JsonNode stats = server.json(server.get("/api/stats"));
            List<JsonNode> problems = new ArrayList<>();
            stats.get("lastSyncReport").get("ingest").get("problems").forEach(problems::add);
            assertEquals(1, problems.size(), problems.toString());
            assertEquals("quotebomb.md", problems.get(0).get("path").asText());
            assertEquals(5, problems.get(0).get("line").asInt());
            assertEquals("ok", server.json(server.get("/api/health")).get("status").asText());

            int notesBefore = stats.get("notes").asInt();
            Path away = Files.move(notes, dir.resolve("notes-away"));
            HttpResponse<String> failed = server.post("/api/reindex", "");
            assertEquals(500, failed.statusCode(), failed.body());
            String error = server.json(failed).get("error").asText();
            assertTrue(error.startsWith("sync failed: ") && error.contains("notes folder does not exist"), error);
            assertFalse(error.contains(dir.toString()) || error.contains("Exception"), error);
            assertEquals(notesBefore, server.json(server.get("/api/stats")).get("notes").asInt(), "nothing lost");
            JsonNode degraded = server.json(server.get("/api/health"));

            assertEquals("degraded", degraded.get("status").asText(), degraded.toString());
            String cause = degraded.get("cause").asText();
            assertTrue(cause.contains("notes folder does not exist"), cause);
            assertFalse(cause.contains(dir.toString()) || cause.contains("Exception"), cause);

            Files.move(away, notes);
            Files.writeString(notes.resolve("zebra.md"), "# Zebra\n\nA zebra crossing gives walkers the right of way.\n");
            assertEquals(200, server.post("/api/reindex", "").statusCode());
            assertEquals("ok", server.json(server.get("/api/health")).get("status").asText());
            assertTrue(server.get("/api/search?q=zebra%20crossing&k=1").body().contains("zebra.md"));
        }
    }
}
