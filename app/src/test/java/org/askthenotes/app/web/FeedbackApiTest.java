package org.askthenotes.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.askthenotes.app.feedback.FeedbackStore;
import org.askthenotes.app.feedback.Rating;
import org.askthenotes.app.support.TestNotes;
import org.askthenotes.app.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/feedback and GET /api/feedback/stats on the real server, over an answer it really gave. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackApiTest {
    Path dir;
    TestServer server;
    JsonNode answer;

    @BeforeAll
    void startServer(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        server = new TestServer(TestNotes.copyTo(dir.resolve("notes")), dir.resolve("index"), Map.of());
        answer = server.json(server.post("/api/ask", "{\"question\": \"What does top-p control?\"}"));
        assertFalse(answer.get("abstained").asBoolean(), answer.toString());
    }

    @AfterAll
    void stopServer() throws IOException {
        server.close();
    }

    private ObjectNode body(String thumbs) {
        ObjectNode body = server.mapper().createObjectNode();
        body.put("question", "What does top-p control?");
        body.putArray("history");
        body.put("answer", answer.get("answer").asText());
        body.set("citations", answer.get("citations"));
        body.put("answerer", answer.get("answerer").asText());
        body.put("mode", "hybrid");
        body.put("thumbs", thumbs);
        return body;
    }

    @Test
    void aRatingOfARealAnswerIsStoredWithEverything() throws Exception {
        ObjectNode body = body("down");
        body.put("comment", "It quoted the temperature section");
        JsonNode first = answer.get("citations").get(0);
        body.putObject("rightSection").put("notePath", first.get("notePath").asText())
                .set("headingPath", first.get("headingPath"));
        HttpResponse<String> response = server.post("/api/feedback", server.json(body));
        assertEquals(201, response.statusCode(), response.body());
        long id = server.json(response).get("id").asLong();

        Rating stored = server.service().feedback().all().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
        assertEquals("What does top-p control?", stored.question());
        assertEquals(answer.get("answer").asText(), stored.answer());
        assertEquals(answer.get("citations").size(), stored.citations().size());
        assertEquals(first.get("chunkId").asText(), stored.citations().get(0).chunkId());
        assertEquals(Rating.Thumbs.DOWN, stored.thumbs());
        assertEquals("It quoted the temperature section", stored.comment());
        assertEquals(first.get("notePath").asText(), stored.rightSection().notePath());
        assertEquals("extractive", stored.answerer());
        assertEquals("hybrid", stored.mode());
        assertEquals(server.service().config().embeddingModel(), stored.embeddingModel());
        assertEquals(null, stored.llmModel(), "the extractive answerer has no LLM");
    }

    @Test
    void statsCountTheVotesAndSurviveAReindex() throws Exception {
        assertEquals(201, server.post("/api/feedback", server.json(body("up"))).statusCode());
        assertEquals(201, server.post("/api/feedback", server.json(body("up"))).statusCode());
        JsonNode before = server.json(server.get("/api/feedback/stats"));
        assertTrue(before.get("up").asInt() >= 2, before.toString());
        assertEquals(before.get("ratings").asInt(), before.get("up").asInt() + before.get("down").asInt());
        assertEquals("hybrid", before.get("byMode").get(0).get("name").asText(), before.toString());

        assertEquals(200, server.post("/api/reindex", "").statusCode());
        JsonNode after = server.json(server.get("/api/feedback/stats"));
        assertEquals(before.get("ratings").asInt(), after.get("ratings").asInt());
        Path store = FeedbackStore.folderFor(dir.resolve("index"));
        assertTrue(Files.exists(store.resolve("ratings.mv.db")), "the store is a sibling of the index: " + store);
    }

    @Test
    void badRatingsAreRefusedNamingTheField() throws Exception {
        for (Map.Entry<String, String> bad : Map.of(
                "{\"question\":\"q\",\"answer\":\"a\",\"thumbs\":\"sideways\"}", "'thumbs'",
                "{\"question\":\"\",\"answer\":\"a\",\"thumbs\":\"up\"}", "question",
                "{\"question\":\"q\",\"thumbs\":\"up\"}", "answer",
                "{\"question\":\"q\",\"answer\":\"a\",\"thumbs\":\"up\",\"stars\":5}", "stars",
                "{\"question\":\"q\",\"answer\":\"a\",\"thumbs\":\"up\",\"mode\":\"psychic\"}", "psychic",
                "{\"question\":\"q\",\"answer\":\"a\",\"thumbs\":\"up\",\"comment\":\"" + "x".repeat(2001) + "\"}",
                "comment").entrySet()) {
            HttpResponse<String> response = server.post("/api/feedback", bad.getKey());
            assertEquals(400, response.statusCode(), bad.getKey() + " → " + response.body());
            String error = server.json(response).get("error").asText();
            assertTrue(error.contains(bad.getValue()), bad.getValue() + " not named in: " + error);
        }
        assertTrue(server.service().feedback().all().stream().noneMatch(r -> r.question().equals("q")));
    }

    @Test
    void aRightSectionWithoutANotePathIsRefused() throws Exception {
        ObjectNode body = body("down");
        body.putObject("rightSection").set("headingPath", server.mapper().valueToTree(List.of("Heading")));
        HttpResponse<String> response = server.post("/api/feedback", server.json(body));
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("rightSection.notePath"), response.body());
    }
}
