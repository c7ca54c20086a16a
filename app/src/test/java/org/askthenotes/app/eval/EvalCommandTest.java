package org.askthenotes.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.askthenotes.retrieval.SearchMode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Option parsing only; GoldenRegressionTest runs the command end to end. */
class EvalCommandTest {

    @Test
    void defaultsToAllModesAndTheBundledGoldenSet() {
        EvalCommand command = new EvalCommand();
        new CommandLine(command).parseArgs();
        assertEquals(List.of(SearchMode.BM25, SearchMode.VECTOR, SearchMode.HYBRID), command.modes);
        assertEquals(Path.of("docs/eval/golden.jsonl"), command.golden);
        assertEquals(Path.of("docs/eval/regressions"), command.thresholds);
        assertEquals("all-minilm-l6-v2", command.model);
    }

    @Test
    void parsesModesInAnyCase() {
        EvalCommand command = new EvalCommand();
        new CommandLine(command).parseArgs("--modes", "BM25,hybrid", "--k", "5", "--check", "--json");
        assertEquals(List.of(SearchMode.BM25, SearchMode.HYBRID), command.modes);
        assertEquals(5, command.k);
        assertTrue(command.check && command.json);
    }

    @Test
    void rejectsAnUnknownModeWithExitCode2() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new EvalCommand()).setErr(new PrintWriter(err)).execute("--modes", "bm25,splade");
        assertEquals(2, exit);
        assertTrue(err.toString().contains("unknown mode 'splade': use bm25, vector or hybrid"), err.toString());
    }

    @Test
    void namesAMissingGoldenFileWithoutAStackTrace(@org.junit.jupiter.api.io.TempDir Path dir) {
        StringWriter err = new StringWriter();
        Path missing = dir.resolve("nope.jsonl");
        int exit = new CommandLine(new EvalCommand()).setErr(new PrintWriter(err))
                .execute("--golden", missing.toString(), "--report-dir", dir.toString());
        assertEquals(1, exit);
        assertEquals("eval: no such file: " + missing + System.lineSeparator(), err.toString());
    }

    @Test
    void parsesLlmAnswerersCommaSeparatedOrRepeated() {
        EvalCommand command = new EvalCommand();
        new CommandLine(command).parseArgs("--answerer", "openai,ollama", "--answerer", "extractive");
        assertEquals(List.of("openai", "ollama", "extractive"), command.answerers);
        EvalCommand none = new EvalCommand();
        new CommandLine(none).parseArgs();
        assertEquals(List.of(), none.answerers);
    }

    @Test
    void rejectsAnUnknownAnswererOrOneWithBeirWithExitCode2(@org.junit.jupiter.api.io.TempDir Path dir) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new EvalCommand()).setErr(new PrintWriter(err))
                .execute("--answerer", "gpt", "--report-dir", dir.toString());
        assertEquals(2, exit);
        assertTrue(err.toString().contains("unknown answerer"), err.toString());

        StringWriter beirErr = new StringWriter();
        int beirExit = new CommandLine(new EvalCommand()).setErr(new PrintWriter(beirErr))
                .execute("--answerer", "openai", "--beir", dir.toString(), "--report-dir", dir.toString());
        assertEquals(2, beirExit);
        assertTrue(beirErr.toString().contains("--answerer grades answers on the golden set, not --beir"),
                beirErr.toString());
    }
}
