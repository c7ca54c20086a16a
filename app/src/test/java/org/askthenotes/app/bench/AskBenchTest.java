package org.askthenotes.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.askthenotes.app.support.TestNotes;
import org.askthenotes.retrieval.Embedders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ask benchmark over the real notes and model: every stage and client count measured and reported. */
class AskBenchTest {
    @TempDir
    Path dir;

    @Test
    void measuresEveryStageAndEveryConcurrencyLevel() throws Exception {
        Path golden = TestNotes.repoRoot().resolve("docs/eval/golden.jsonl");
        AskBench.Options options = new AskBench.Options(TestNotes.bundled(), golden, 1, 6, List.of(1, 2),
                dir.resolve("index"));
        AskBench.Result result = AskBench.run(options, Embedders.create(Embedders.DEFAULT));

        assertTrue(result.chunks() > 100, "the bundled notes make well over 100 chunks: " + result.chunks());
        assertEquals(Files.readAllLines(golden).stream().filter(line -> !line.isBlank()).count(), result.questions(),
                "every golden question, answerable or not");
        assertEquals(AskBench.STAGES, List.copyOf(result.stages().keySet()));
        assertTrue(result.ask().p50() > 0 && result.embed().p50() > 0);
        assertEquals(List.of(1, 2), result.loads().stream().map(AskBench.Load::clients).toList());
        assertTrue(result.loads().stream().allMatch(load -> load.perSecond() > 0 && load.latencies().p99() > 0));

        String md = new AskBenchReport(options, result).markdown();
        assertTrue(md.contains("| stage: ground |"), md);
        assertTrue(md.contains("Ask p50 ÷ embed p50"), md);
        assertTrue(md.contains("| 2 | 6 |"), md);
    }
}
