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
        assertEquals("all-minilm-l6-v2-q", command.model);
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

    @Test
    void honoursTheEnvironmentAndConfigFileLikeEveryOtherCommand(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path config = dir.resolve("atn.properties");
        java.nio.file.Files.writeString(config, "notes=my-notes\nmodel=all-minilm-l6-v2\nk=3\nindex=elsewhere\n"
                + "llm-model=file-model\nllm-base-url=http://127.0.0.1:9/v1\n");
        EvalCommand fromFile = parse(java.util.Map.of(), dir, "eval", "--config", config.toString());
        assertEquals(dir.resolve("my-notes"), fromFile.notes);
        assertEquals("all-minilm-l6-v2", fromFile.model);
        // eval's --k and --index are its own (metric depth, eval index): the app's k and index never reach them
        assertEquals(null, fromFile.k);
        assertEquals(null, fromFile.index);
        org.askthenotes.generation.AnswererSettings llm = fromFile.llmAnswerers().get(0);
        assertEquals("file-model", llm.modelName());
        assertEquals("http://127.0.0.1:9/v1", llm.baseUrl());

        java.util.Map<String, String> env = java.util.Map.of("ATN_MODEL", "bge-small-en-v15-q", "ATN_LLM_MODEL",
                "env-model");
        EvalCommand fromEnv = parse(env, dir, "eval", "--config", config.toString());
        assertEquals("bge-small-en-v15-q", fromEnv.model);
        assertEquals("env-model", fromEnv.llmAnswerers().get(0).modelName());

        EvalCommand fromFlag = parse(env, dir, "eval", "--config", config.toString(), "--model", "all-minilm-l6-v2-q");
        assertEquals("all-minilm-l6-v2-q", fromFlag.model);
    }

    /** Parses through the app's command line (as Main does) with --answerer openai, so the LLM settings resolve. */
    private static EvalCommand parse(java.util.Map<String, String> env, Path dir, String... args) {
        CommandLine cli = org.askthenotes.app.Main.commandLine(env, dir);
        String[] withAnswerer = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--answerer", "openai")).toArray(String[]::new);
        cli.parseArgs(withAnswerer);
        return cli.getSubcommands().get("eval").getCommand();
    }
}
