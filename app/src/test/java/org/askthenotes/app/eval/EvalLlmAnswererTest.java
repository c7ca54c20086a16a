package org.askthenotes.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askthenotes.app.cli.RootCommand;
import org.askthenotes.generation.FakeOpenAiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code eval --answerer openai} end to end: the real index of the bundled notes (real model), a few golden
 * questions, and the OpenAI answerer reached through the ATN_LLM_* environment at a loopback server that speaks the
 * chat-completions protocol and answers from the prompt by quoting source [1].
 */
class EvalLlmAnswererTest {
    private static final Path ROOT = org.askthenotes.ingest.RepoRoot.path();
    private static final Pattern FIRST_SOURCE = Pattern.compile("<source id=\"1\"[^>]*>\\n(.*?)\\n</source>",
            Pattern.DOTALL);

    @TempDir
    Path work;

    @Test
    void gradesTheLlmAnswerersFactsBesideTheExtractiveOnes() throws IOException {
        Path notes = ROOT.resolve("docs/notes");
        Path goldenFile = ROOT.resolve("docs/eval/golden.jsonl");
        assumeTrue(Files.isRegularFile(goldenFile), "golden set absent: " + goldenFile);
        Path golden = work.resolve("golden-sample.jsonl");
        Files.write(golden, Files.readAllLines(goldenFile).stream()
                .filter(l -> l.contains("\"id\":\"en-022\"") || l.contains("\"id\":\"zh-001\"")
                        || l.contains("\"id\":\"off-001\""))
                .toList());

        try (FakeOpenAiServer server = new FakeOpenAiServer(EvalLlmAnswererTest::quoteFirstSource)) {
            Map<String, String> env = Map.of("ATN_LLM_BASE_URL", server.baseUrl(), "ATN_LLM_MODEL", "test-model");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = RootCommand.commandLine(env, work).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                    .execute("eval", "--answerer", "openai", "--notes", notes.toString(), "--golden", golden.toString(),
                            "--modes", "hybrid", "--index", work.resolve("index").toString(),
                            "--report-dir", work.resolve("reports").toString(), "--json");
            assertEquals(0, exit, err.toString());

            // the two answerable questions reached the model; the off-topic one abstained before asking it
            assertEquals(2, server.requests().size());
            assertTrue(server.requests().stream().allMatch(r -> r.get("model").asText().equals("test-model")));

            JsonNode json = new ObjectMapper().readTree(out.toString());
            assertEquals(List.of("hybrid", "answerer:openai"), names(json));
            JsonNode openai = json.get("answerer:openai");
            assertEquals(AnswerMetrics.NAMES, names(openai));
            assertFalse(names(json.get("hybrid")).stream().anyMatch(n -> n.startsWith("answerer:")));
            assertTrue(json.get("hybrid").has("answer-fact-recall"), "the extractive answerer is still graded");
            assertEquals(1.0, openai.get("abstention-recall").asDouble());

            String markdown = Files.readString(work.resolve("reports/golden.md"));
            String section = markdown.substring(markdown.indexOf("## Answers by openai, missing facts first"));
            // source [1] of en-022 states all three of its facts, so quoting it is a complete answer
            assertTrue(section.contains("| en-022 | Does RAG change the weights of the foundation model? | 3/3 facts | — |"),
                    section);
            assertTrue(section.contains("The model's weights never change"), section);
            double zhRecall = factRecall(section, "zh-001");
            assertEquals((1.0 + zhRecall) / 2, openai.get("answer-fact-recall").asDouble(), 1e-9);
        }
    }

    /** A model that answers from its prompt: source [1]'s text on one line, cited. */
    static String quoteFirstSource(JsonNode request) {
        Matcher source = FIRST_SOURCE.matcher(FakeOpenAiServer.message(request, "user"));
        assertTrue(source.find(), "no source [1] in the prompt");
        return source.group(1).replaceAll("\\s+", " ").strip() + " [1]";
    }

    /** "a/b facts" in the question's row of a Markdown answers table, as a fraction. */
    private static double factRecall(String table, String id) {
        Matcher row = Pattern.compile("\\| " + id + " \\|[^|]*\\| (\\d+)/(\\d+) facts \\|").matcher(table);
        assertTrue(row.find(), id + " not in " + table);
        return Double.parseDouble(row.group(1)) / Double.parseDouble(row.group(2));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
