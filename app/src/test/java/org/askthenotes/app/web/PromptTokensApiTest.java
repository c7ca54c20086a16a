package org.askthenotes.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.TokenCountEstimator;
import java.nio.file.Path;
import java.util.Map;
import org.askthenotes.app.support.TestNotes;
import org.askthenotes.app.support.TestServer;
import org.askthenotes.generation.PromptBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/ask with includePrompt returns the token counts of the prompt it really built, on the bundled notes. */
class PromptTokensApiTest {

    @Test
    void thePromptCarriesTheTokenCountsOfItsPartsAndSources(@TempDir Path dir) throws Exception {
        try (TestServer server = new TestServer(TestNotes.bundled(), dir.resolve("index"), Map.of())) {
            JsonNode answer = server.json(server.post("/api/ask",
                    "{\"question\": \"What does top-p control?\", \"includePrompt\": true, \"k\": 4}"));
            JsonNode prompt = answer.get("prompt");
            JsonNode tokens = prompt.get("tokens");
            TokenCountEstimator wordPieces = org.askthenotes.retrieval.Embedders.tokenBudget(
                    org.askthenotes.retrieval.Embedders.DEFAULT).tokens();
            JsonNode counts = tokens.get("embedding");
            assertEquals(wordPieces.estimateTokenCountInText(prompt.get("instructions").asText()),
                    counts.get("instructions").asInt());
            assertEquals(wordPieces.estimateTokenCountInText(prompt.get("context").asText()),
                    counts.get("context").asInt());
            assertEquals(wordPieces.estimateTokenCountInText(prompt.get("inputData").asText()),
                    counts.get("inputData").asInt());
            assertEquals(wordPieces.estimateTokenCountInText(prompt.get("outputIndicator").asText()),
                    counts.get("outputIndicator").asInt());
            assertEquals(4, tokens.get("sources").size(), tokens.toString());
            for (JsonNode source : tokens.get("sources")) {
                assertTrue(source.get("embedTokens").asInt() > 0, source.toString());
                assertTrue(source.get("embedTokens").asInt() <= source.get("embedLimit").asInt(),
                        "the chunker keeps chunks within the embedder's limit: " + source);
            }
            assertFalse(tokens.has("budget"), "the extractive answerer fits no budget: " + tokens);
            assertFalse(tokens.has("llm"), tokens.toString());
            assertTrue(tokens.get("llmNote").asText().contains("no LLM"), tokens.toString());

            JsonNode plain = server.json(server.post("/api/ask", "{\"question\": \"What does top-p control?\"}"));
            assertFalse(plain.has("prompt"), "no prompt, no counting, unless asked");
        }
    }
}
