package org.askthenotes.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.askthenotes.app.Main;
import org.askthenotes.app.support.TestNotes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The CLI run in-process on the bundled notes, with the settings in the environment as a user would set them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliTest {
    /** Shared by the class's tests, so the index is built once; JUnit injects it into the @BeforeAll method. */
    Path dir;
    Map<String, String> env;
    final ObjectMapper mapper = new ObjectMapper();

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    void environment(@TempDir Path tempDir) {
        dir = tempDir;
        env = Map.of("ATN_NOTES", TestNotes.bundled().toString(), "ATN_INDEX", dir.resolve("index").toString());
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(env, dir);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void ingestPrintsTheIngestAndSyncReports() {
        Run run = run("ingest");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Ingest:") && run.out().contains("notes read"), run.out());
        assertTrue(run.out().contains("Sync:"), run.out());
    }

    @Test
    void askJsonPrintsTheApiAnswerObject() throws IOException {
        Run run = run("ask", "--json", "--k", "3", "What are foundation models?");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode answer = mapper.readTree(run.out());
        for (String field : List.of("answer", "abstained", "grounded", "citations", "alsoRetrieved", "answerer",
                "timingsMs", "ungroundedSentences", "droppedMarkers")) {
            assertTrue(answer.has(field), field + " in " + run.out());
        }
        assertFalse(answer.get("abstained").asBoolean(), run.out());
        assertTrue(answer.get("citations").size() > 0, run.out());
        assertTrue(answer.get("citations").size() <= 3, run.out());
        assertEquals("extractive", answer.get("answerer").asText());
    }

    @Test
    void askJsonSaysAnAbstentionGroundsNothing() throws IOException {
        Run run = run("ask", "--json", "Who won the football world cup in 1998?");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode answer = mapper.readTree(run.out());
        assertTrue(answer.get("abstained").asBoolean(), run.out());
        assertTrue(answer.get("grounded").isNull(), run.out());
        assertEquals("Who won the football world cup in 1998?", answer.get("retrievalQuery").get("text").asText());
    }

    @Test
    void askPrintsTheAnswerAndItsSources() {
        Run run = run("ask", "What is retrieval-augmented generation?");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Sources:"), run.out());
        assertTrue(run.out().contains("[1] "), run.out());
        assertTrue(run.out().contains("answered by extractive"), run.out());
    }

    @Test
    void batchAnswersReportsABadLineAndResumes() throws IOException {
        Path in = dir.resolve("questions.jsonl");
        Path out = dir.resolve("answers.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\": \"q1\", \"question\": \"What are foundation models?\"}",
                "{\"id\": 2, \"question\": \"What is fine-tuning?\"}",
                "{\"id\": \"q3\", \"question\": ",
                "",
                "{\"id\": \"q5\"}",
                "{\"id\": \"q6\", \"question\": \"什麼是提示工程？\"}") + "\n");
        Run first = run("batch", "--in", in.toString(), "--out", out.toString(), "--parallel", "2");
        assertEquals(1, first.exitCode(), "a malformed line makes the run a failure: " + first.err());
        assertTrue(first.err().contains("questions.jsonl:3: malformed JSON"), first.err());
        assertTrue(first.err().contains("questions.jsonl:5: missing or empty \"question\""), first.err());
        List<JsonNode> lines = readLines(out);
        assertEquals(List.of("2", "q1", "q6"), lines.stream().map(l -> l.get("id").asText()).sorted().toList());
        for (JsonNode line : lines) {
            for (String field : List.of("id", "question", "answer", "abstained", "grounded", "citations",
                    "timingsMs")) {
                assertTrue(line.has(field), field + " in " + line);
            }
            for (JsonNode citation : line.get("citations")) {
                for (String field : List.of("n", "notePath", "headingPath", "anchor", "startLine", "endLine",
                        "snippet")) {
                    assertTrue(citation.has(field), field + " in " + citation);
                }
            }
        }

        Files.writeString(in, "{\"id\": \"q7\", \"question\": \"What does Amazon Bedrock do?\"}\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(out, "{\"id\": \"cut", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Run second = run("batch", "--in", in.toString(), "--out", out.toString());
        assertTrue(second.err().contains("3 already answered"), second.err());
        assertTrue(second.err().contains("unreadable output line"), second.err());
        List<String> ids = readLines(out).stream().map(l -> l.get("id").asText()).sorted().toList();
        assertEquals(List.of("2", "q1", "q6", "q7"), ids, "only the new question was answered");
    }

    @Test
    void aTextBatchNumbersQuestionsByLine() throws IOException {
        Path in = dir.resolve("questions.txt");
        Path out = dir.resolve("text-answers.jsonl");
        Files.writeString(in, "What is a token?\n\nWhat are embeddings?\n");
        Run run = run("batch", "--in", in.toString(), "--out", out.toString(), "--parallel", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("1", "3"), readLines(out).stream().map(l -> l.get("id").asText()).sorted().toList());
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of("ask"), "QUESTION"),
                Arguments.of(List.of("ask", "--k", "abc", "q"), "'--k': 'abc' is not an int"),
                Arguments.of(List.of("ask", "--k", "0", "q"), "between 1 and 20"),
                Arguments.of(List.of("ask", "--mode", "fuzzy", "q"), "fuzzy"),
                Arguments.of(List.of("ask", "--answerer", "gpt", "q"), "unknown answerer"),
                Arguments.of(List.of("ask", "--bogus", "q"), "--bogus"),
                Arguments.of(List.of("fly"), "fly"),
                Arguments.of(List.of(), "a command is required"),
                Arguments.of(List.of("batch", "--in", "missing.jsonl", "--out", "o.jsonl"), "missing.jsonl"),
                Arguments.of(List.of("batch", "--in", "x", "--out", "y", "--parallel", "0"), "--parallel"),
                Arguments.of(List.of("serve", "--port", "99999"), "--port=99999"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void usageErrorsExitTwoWithOneLine(List<String> args, String mentions) {
        Run run = run(args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertTrue(run.err().startsWith("error: ") && run.err().contains(mentions), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void aFailureExitsOneWithOneLine() {
        Run run = run("ingest", "--notes", dir.resolve("no-such-notes").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("no-such-notes"), run.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("serve", "ingest", "ask", "batch")) {
            Run run = run(command, "--help");
            assertEquals(0, run.exitCode(), command);
            assertTrue(run.out().contains("--notes") && run.out().contains("--config"), run.out());
        }
    }

    private List<JsonNode> readLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            // The line an "interrupted run" left cut short stays in the file; the rest is whole JSON.
            if (!line.isBlank() && !line.equals("{\"id\": \"cut")) {
                nodes.add(mapper.readTree(line));
            }
        }
        return nodes;
    }
}
