package org.askthenotes.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.askthenotes.app.support.TestNotes;
import org.askthenotes.app.support.TestServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON API against the real server, index and model over a copy of the bundled notes plus one hostile note. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebApiTest {
    static final String QUESTION = "What are foundation models?";
    static final String SECRET = "TOP-SECRET-OUTSIDE-THE-NOTES";
    static final String TOP_P = "aif-c01-inference-parameters.md › Top-p 核心抽樣";

    /** Shared by the class's tests, so the index is built once; JUnit injects it into the @BeforeAll method. */
    Path dir;
    TestServer server;

    @BeforeAll
    void startServer(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        Path notes = TestNotes.copyTo(dir.resolve("notes"));
        Files.writeString(notes.resolve("xss-probe.md"), TestNotes.XSS_NOTE);
        Files.writeString(dir.resolve("secret.md"), "# Secret\n\n" + SECRET + "\n");
        Files.createSymbolicLink(notes.resolve("linked-secret.md"), dir.resolve("secret.md"));
        server = new TestServer(notes, dir.resolve("index"), Map.of());
    }

    @AfterAll
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    void healthAnswers() throws Exception {
        HttpResponse<String> response = server.get("/api/health");
        assertEquals(200, response.statusCode());
        assertEquals("ok", server.json(response).get("status").asText());
    }

    @Test
    void statsDescribeTheIndex() throws Exception {
        JsonNode stats = server.json(server.get("/api/stats"));
        assertTrue(stats.get("notes").asInt() > 1, stats.toString());
        assertTrue(stats.get("chunks").asInt() >= stats.get("notes").asInt(), stats.toString());
        assertFalse(stats.get("model").asText().isBlank(), stats.toString());
        assertTrue(stats.get("indexSizeBytes").asLong() > 0, stats.toString());
        assertFalse(stats.get("lastSync").isNull(), stats.toString());
        assertTrue(stats.get("tags").size() > 0, stats.toString());
        assertTrue(stats.get("categories").size() > 0, stats.toString());
        assertEquals("extractive", stats.get("defaultAnswerer").asText());
    }

    @Test
    void askAnswersWithCitationsIntoTheNotes() throws Exception {
        HttpResponse<String> response = server.post("/api/ask", "{\"question\": \"" + QUESTION + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode answer = server.json(response);
        assertFalse(answer.get("abstained").asBoolean(), response.body());
        assertFalse(answer.get("answer").asText().isBlank(), response.body());
        assertEquals("extractive", answer.get("answerer").asText());
        assertTrue(answer.get("citations").size() > 0, response.body());
        assertFalse(answer.has("prompt"), "no prompt unless asked for: " + response.body());
        for (JsonNode citation : answer.get("citations")) {
            Path note = server.service().notesRoot().resolve(citation.get("notePath").asText());
            assertTrue(Files.isRegularFile(note), "cited note exists: " + note);
            assertTrue(answer.get("answer").asText().contains("[" + citation.get("n").asInt() + "]"),
                    "the answer carries the marker of each citation: " + response.body());
            assertTrue(citation.get("startLine").asInt() >= 1);
            assertTrue(citation.get("endLine").asInt() >= citation.get("startLine").asInt());
            assertFalse(citation.get("snippet").asText().isBlank());
        }
        for (String field : List.of("grounded", "alsoRetrieved", "timingsMs", "ungroundedSentences",
                "droppedMarkers")) {
            assertTrue(answer.has(field), field + " in " + response.body());
        }
    }

    @Test
    void askIncludesTheFourPartPromptWhenAsked() throws Exception {
        JsonNode answer = server.json(server.post("/api/ask",
                "{\"question\": \"" + QUESTION + "\", \"includePrompt\": true, \"k\": 3, \"mode\": \"bm25\"}"));
        JsonNode prompt = answer.get("prompt");
        assertNotNull(prompt, answer.toString());
        for (String part : List.of("instructions", "context", "inputData", "outputIndicator")) {
            assertFalse(prompt.get(part).asText().isBlank(), part + " in " + prompt);
        }
        assertTrue(prompt.get("inputData").asText().contains(QUESTION), prompt.toString());
    }

    @Test
    void askAbstainsWhenTheNotesDoNotCoverTheQuestion() throws Exception {
        JsonNode answer = server.json(server.post("/api/ask",
                "{\"question\": \"Which football club won the 1998 World Cup final in Paris?\"}"));
        assertTrue(answer.get("abstained").asBoolean(), answer.toString());
        assertEquals(0, answer.get("citations").size(), answer.toString());
        assertTrue(answer.get("grounded").isNull(), "an abstention grounds nothing: " + answer);
    }

    @Test
    void aNewTopicInAConversationIsSearchedOnItsOwnAndAbstains() throws Exception {
        JsonNode first = server.json(server.post("/api/ask", "{\"question\": \"What is RAG?\"}"));
        assertFalse(first.get("abstained").asBoolean(), first.toString());

        JsonNode second = server.json(server.post("/api/ask", server.json(Map.of(
                "question", "How do I bake sourdough bread?",
                "history", List.of(Map.of("question", "What is RAG?", "answer", first.get("answer").asText()))))));

        assertTrue(second.get("abstained").asBoolean(), second.toString());
        assertTrue(second.get("grounded").isNull(), second.toString());
        assertEquals(0, second.get("citations").size(), second.toString());
        JsonNode query = second.get("retrievalQuery");
        assertEquals("How do I bake sourdough bread?", query.get("text").asText(), second.toString());
        assertFalse(query.get("followUp").asBoolean(), second.toString());
    }

    @Test
    void anEllipticalFollowUpIsSearchedInContextAndCitesItsSection() throws Exception {
        JsonNode first = server.json(server.post("/api/ask", "{\"question\": \"What does temperature do?\"}"));

        JsonNode second = server.json(server.post("/api/ask", server.json(Map.of(
                "question", "and what about top-p?",
                "history", List.of(Map.of("question", "What does temperature do?",
                        "answer", first.get("answer").asText()))))));

        assertFalse(second.get("abstained").asBoolean(), second.toString());
        assertTrue(second.get("grounded").asBoolean(), second.toString());
        assertTrue(second.get("retrievalQuery").get("followUp").asBoolean(), second.toString());
        assertEquals("What does temperature do? and what about top-p?",
                second.get("retrievalQuery").get("text").asText());
        assertEquals(TOP_P, lastHeading(firstCited(second)), second.toString());
    }

    @Test
    void theStreamJudgesChineseFollowUpsAndTopicSwitchesToo() throws Exception {
        String first = "temperature 參數有什麼作用？";
        String history = server.json(List.of(Map.of("question", first, "answer", "溫度在抽樣前重新調整機率分佈[1]。")));

        List<String[]> followUp = stream("/api/ask/stream?question=" + encode("那 top-p 呢？")
                + "&history=" + encode(history));
        List<String[]> offTopic = stream("/api/ask/stream?question=" + encode("怎麼烤酸種麵包？")
                + "&history=" + encode(history));

        JsonNode answered = server.mapper().readTree(followUp.get(followUp.size() - 1)[1]);
        assertFalse(answered.get("abstained").asBoolean(), answered.toString());
        assertTrue(answered.get("retrievalQuery").get("followUp").asBoolean(), answered.toString());
        assertEquals(TOP_P, lastHeading(firstCited(answered)), answered.toString());
        JsonNode refused = server.mapper().readTree(offTopic.get(offTopic.size() - 1)[1]);
        JsonNode refusedCitations = server.mapper().readTree(offTopic.get(offTopic.size() - 2)[1]);
        assertTrue(refused.get("abstained").asBoolean(), refused.toString());
        assertFalse(refused.get("retrievalQuery").get("followUp").asBoolean(), refused.toString());
        assertEquals("citations", offTopic.get(offTopic.size() - 2)[0]);
        assertTrue(refusedCitations.get("grounded").isNull(), refusedCitations.toString());
    }

    @Test
    void aFollowUpIsAnsweredWithTheConversation() throws Exception {
        String body = server.json(Map.of("question", "How are they trained?",
                "history", List.of(Map.of("question", QUESTION, "answer", "Foundation models are pretrained [1]."))));
        HttpResponse<String> response = server.post("/api/ask", body);
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(server.json(response).get("answer").asText().isBlank());
    }

    @Test
    void streamSendsSourcesDeltasCitationsAndDoneInOrder() throws Exception {
        List<String[]> events = stream("/api/ask/stream?question=" + encode(QUESTION) + "&k=4");
        List<String> names = events.stream().map(e -> e[0]).toList();
        assertEquals("sources", names.get(0), names.toString());
        assertEquals("done", names.get(names.size() - 1), names.toString());
        assertEquals("citations", names.get(names.size() - 2), names.toString());
        assertTrue(names.subList(1, names.size() - 2).stream().allMatch("delta"::equals), names.toString());
        assertTrue(names.contains("delta"), names.toString());

        JsonNode sources = server.mapper().readTree(events.get(0)[1]);
        assertEquals(4, sources.size(), sources.toString());
        assertEquals(1, sources.get(0).get("rank").asInt());
        JsonNode done = server.mapper().readTree(events.get(events.size() - 1)[1]);
        JsonNode posted = server.json(server.post("/api/ask", "{\"question\": \"" + QUESTION + "\", \"k\": 4}"));
        assertEquals(posted.get("answer"), done.get("answer"), "the stream ends with the same answer as POST");
        assertEquals(posted.get("citations"), done.get("citations"));
    }

    @Test
    void aStreamWithAnLlmAnswererThatIsNotConfiguredSaysWhatIsMissing() throws Exception {
        List<String[]> events = stream("/api/ask/stream?question=" + encode(QUESTION) + "&answerer=openai");
        String[] last = events.get(events.size() - 1);
        assertEquals("error", last[0], events.toString());
        JsonNode error = server.mapper().readTree(last[1]);
        assertEquals(400, error.get("status").asInt(), last[1]);
        assertTrue(error.get("error").asText().contains("OPENAI_API_KEY"), last[1]);
    }

    @Test
    void searchRanksHitsWithEveryListsRank() throws Exception {
        JsonNode result = server.json(server.get("/api/search?q=" + encode("retrieval augmented generation") + "&k=6"));
        JsonNode hits = result.get("hits");
        assertEquals(6, hits.size(), result.toString());
        for (int i = 0; i < hits.size(); i++) {
            JsonNode hit = hits.get(i);
            assertEquals(i + 1, hit.get("rank").asInt());
            assertTrue(hit.get("bm25Rank").asInt() > 0 || hit.get("vectorRank").asInt() > 0, hit.toString());
            for (String field : List.of("bm25Score", "vectorSimilarity", "score", "notePath", "headingPath",
                    "anchor", "startLine", "endLine", "text")) {
                assertTrue(hit.has(field), field + " in " + hit);
            }
            if (i > 0) {
                assertTrue(hits.get(i - 1).get("score").asDouble() >= hit.get("score").asDouble(), result.toString());
            }
        }
        JsonNode bm25 = server.json(server.get("/api/search?q=" + encode("diffusion") + "&k=3&mode=bm25")).get("hits");
        for (int i = 0; i < bm25.size(); i++) {
            assertEquals(i + 1, bm25.get(i).get("bm25Rank").asInt(), bm25.toString());
        }
    }

    /** The debug view shows what a Chinese question was searched as in English; an English one searches as typed. */
    @Test
    void searchShowsTheEnglishQueryTermsOfAChineseQuestion() throws Exception {
        JsonNode chinese = server.json(server.get("/api/search?q=" + encode("如何用自己管理的金鑰加密 S3 裡的訓練資料？")
                + "&k=3")).get("hits");
        assertEquals(3, chinese.size(), chinese.toString());
        String terms = chinese.get(0).get("englishQuery").asText();
        for (String term : List.of("S3", "encrypt", "training", "data")) {
            assertTrue(List.of(terms.split(" ")).contains(term), term + " in '" + terms + "'");
        }
        JsonNode english = server.json(server.get("/api/search?q=" + encode("encrypt training data in S3") + "&k=3"))
                .get("hits");
        assertEquals("", english.get(0).get("englishQuery").asText(), english.toString());
    }

    @Test
    void theNoteViewCarriesTheAnchorsSearchHitsCite() throws Exception {
        JsonNode hits = server.json(server.get("/api/search?q=" + encode("foundation models") + "&k=10")).get("hits");
        int checked = 0;
        for (JsonNode hit : hits) {
            HttpResponse<String> response = server.get("/api/notes/" + encodePath(hit.get("notePath").asText()));
            assertEquals(200, response.statusCode(), response.body());
            JsonNode note = server.json(response);
            Document html = Jsoup.parseBodyFragment(note.get("html").asText());
            String anchor = hit.get("anchor").asText();
            if (!anchor.isEmpty()) {
                assertNotNull(html.getElementById(anchor), "heading id '" + anchor + "' in " + hit.get("notePath"));
                checked++;
            }
            assertFalse(note.get("html").asText().startsWith("---"), "front matter is stripped");
        }
        assertTrue(checked > 0, "at least one hit had an anchor to check");
    }

    @Test
    void theNotePageIsHtmlWithTheNoteInIt() throws Exception {
        JsonNode hit = server.json(server.get("/api/search?q=" + encode("foundation models") + "&k=1")).get("hits").get(0);
        HttpResponse<String> page = server.get("/notes/" + encodePath(hit.get("notePath").asText()));
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertNotNull(Jsoup.parse(page.body()).getElementById("note"));
    }

    @Test
    void aHostileNoteRendersWithoutAnythingThatCouldRun() throws Exception {
        for (String path : List.of("/api/notes/xss-probe.md", "/notes/xss-probe.md")) {
            HttpResponse<String> response = server.get(path);
            assertEquals(200, response.statusCode(), response.body());
            String html = path.startsWith("/api") ? server.json(response).get("html").asText() : response.body();
            Document doc = Jsoup.parse(html);
            assertTrue(doc.select("script, iframe, svg, object, embed").isEmpty(), html);
            for (Element element : doc.getAllElements()) {
                element.attributes().forEach(a -> {
                    assertFalse(a.getKey().toLowerCase().startsWith("on"), a + " in " + html);
                    assertFalse(a.getKey().equalsIgnoreCase("style"), a + " in " + html);
                    assertFalse(a.getValue().toLowerCase().contains("javascript:"), a + " in " + html);
                });
            }
            assertTrue(html.contains("quokka-xss-marker"), "the note's text is still there");
            assertEquals("highlighted term", doc.selectFirst("span.label").text());
        }
    }

    @Test
    void aQuestionWithMarkupComesBackAsJsonData() throws Exception {
        String payload = "<script>alert(1)</script><img src=x onerror=alert(2)> what are foundation models?";
        HttpResponse<String> response = server.post("/api/ask", server.json(Map.of("question", payload,
                "includePrompt", true)));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        List<String[]> events = stream("/api/ask/stream?question=" + encode(payload));
        assertEquals("done", events.get(events.size() - 1)[0]);
    }

    static Stream<Arguments> badRequests() {
        String tooLong = "q".repeat(2001);
        return Stream.of(
                Arguments.of("POST", "/api/ask", "{\"question\": \"\"}", 400, "question"),
                Arguments.of("POST", "/api/ask", "{\"question\": \"   \"}", 400, "question"),
                Arguments.of("POST", "/api/ask", "{}", 400, "question"),
                Arguments.of("POST", "/api/ask", "{\"question\": \"" + tooLong + "\"}", 400, "2000"),
                Arguments.of("POST", "/api/ask", "{\"question\": \"x\", \"k\": 0}", 400, "k must be"),
                Arguments.of("POST", "/api/ask", "{\"question\": \"x\", \"k\": 21}", 400, "k must be"),
                Arguments.of("POST", "/api/ask", "{\"question\": \"x\", \"mode\": \"fuzzy\"}", 400, "fuzzy"),
                Arguments.of("POST", "/api/ask", "{\"question\": \"x\", \"answerer\": \"gpt9\"}", 400, "gpt9"),
                Arguments.of("POST", "/api/ask", "{\"question\": \"x\", \"filters\": {\"language\": \"fr\"}}", 400,
                        "language"),
                Arguments.of("POST", "/api/ask", "{\"question\": ", 400, "malformed JSON"),
                Arguments.of("POST", "/api/ask", "[1, 2]", 400, "malformed JSON"),
                Arguments.of("POST", "/api/ask", "{\"qestion\": \"x\"}", 400, "qestion"),
                Arguments.of("POST", "/api/ask", "{\"question\": \"x\", \"history\": [{\"question\": \"a\"}]}", 400,
                        "history[0]"),
                Arguments.of("POST", "/api/ask", "{\"question\": \"" + "x".repeat(70_000) + "\"}", 413, ""),
                Arguments.of("GET", "/api/ask/stream", null, 400, "question"),
                Arguments.of("GET", "/api/ask/stream?question=x&k=abc", null, 400, "k"),
                Arguments.of("GET", "/api/ask/stream?question=x&k=99", null, 400, "k must be"),
                Arguments.of("GET", "/api/ask/stream?question=x&mode=nope", null, 400, "nope"),
                Arguments.of("GET", "/api/ask/stream?question=x&history=notjson", null, 400, "history"),
                Arguments.of("GET", "/api/search?q=", null, 400, "q"),
                Arguments.of("GET", "/api/search?q=x&mode=nope", null, 400, "nope"),
                Arguments.of("GET", "/api/search?q=x&k=0", null, 400, "k must be"),
                Arguments.of("GET", "/api/notes/no-such-note.md", null, 404, "no-such-note.md"),
                Arguments.of("GET", "/api/no-such-route", null, 404, ""));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void badRequestsGetAJsonErrorWithTheRightStatus(String method, String path, String body, int status,
                                                     String mentions) throws Exception {
        HttpResponse<String> response = method.equals("POST") ? server.post(path, body) : server.get(path);
        assertEquals(status, response.statusCode(), response.body());
        assertJsonError(response, mentions);
    }

    static Stream<String> traversals() {
        return Stream.of(
                "/api/notes/..%2F..%2Fsecret.md",
                "/api/notes/%2e%2e/%2e%2e/secret.md",
                "/api/notes/%2e%2e%2fsecret.md",
                "/api/notes/%252e%252e%252fsecret.md",
                "/api/notes/..%5Csecret.md",
                "/api/notes/%2Fetc%2Fpasswd",
                "/api/notes/linked-secret.md",
                "/notes/linked-secret.md",
                "/api/notes/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
                "/notes/%2e%2e/secret.md",
                "/api/notes/README",
                "/api/notes/xss-probe.md%00.txt");
    }

    @ParameterizedTest
    @MethodSource("traversals")
    void nothingOutsideTheNotesRootIsServed(String rawPath) throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + rawPath)));
        assertTrue(Set.of(400, 404).contains(response.statusCode()), response.statusCode() + " " + response.body());
        assertFalse(response.body().contains(SECRET), response.body());
        assertFalse(response.body().contains("root:"), response.body());
        assertJsonError(response, "");
    }

    private void assertJsonError(HttpResponse<String> response, String mentions) throws IOException {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "JSON error: " + response.headers().map() + " " + response.body());
        JsonNode error = server.json(response);
        assertEquals(1, error.size(), response.body());
        assertTrue(error.get("error").asText().contains(mentions), response.body());
        assertFalse(response.body().contains("\tat ") || response.body().contains("Exception"),
                "no stack trace: " + response.body());
    }

    /** The events of one SSE response, each as {name, data}. */
    private List<String[]> stream(String path) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = server.lines(path);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                response.headers().map().toString());
        List<String[]> events = new ArrayList<>();
        String name = "message";
        StringBuilder data = new StringBuilder();
        for (String line : (Iterable<String>) response.body()::iterator) {
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            } else if (line.isEmpty() && data.length() > 0) {
                events.add(new String[] {name, data.toString()});
                name = "message";
                data.setLength(0);
            }
        }
        return events;
    }

    /** The citation of the answer's first [n] marker: the source its opening sentence came from. */
    private static JsonNode firstCited(JsonNode answer) {
        Matcher marker = Pattern.compile("\\[(\\d+)").matcher(answer.get("answer").asText());
        assertTrue(marker.find(), answer.toString());
        int n = Integer.parseInt(marker.group(1));
        for (JsonNode citation : answer.get("citations")) {
            if (citation.get("n").asInt() == n) {
                return citation;
            }
        }
        throw new AssertionError("no citation " + n + " in " + answer);
    }

    private static String lastHeading(JsonNode citation) {
        JsonNode headings = citation.get("headingPath");
        return citation.get("notePath").asText() + " › " + headings.get(headings.size() - 1).asText();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String encodePath(String notePath) {
        return String.join("/", Stream.of(notePath.split("/")).map(s -> encode(s).replace("+", "%20")).toList());
    }
}
