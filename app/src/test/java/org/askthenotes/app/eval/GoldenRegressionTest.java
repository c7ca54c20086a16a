package org.askthenotes.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.askthenotes.retrieval.Embedders;
import org.askthenotes.retrieval.SearchMode;
import org.askthenotes.retrieval.SyncListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * The quality gate: the golden set over the bundled notes, with the real default model and a real index, must stay
 * at or above docs/eval/regressions/golden.&lt;mode&gt;.all-minilm-l6-v2-q.properties in every mode (retrieval
 * metrics, and in hybrid the extractive answerer's abstention, citation, grounding and answer-fact metrics), and
 * every off-topic question must abstain.
 */
class GoldenRegressionTest {

    private static final Path ROOT = org.askthenotes.ingest.RepoRoot.path();
    private static final Path NOTES = ROOT.resolve("docs/notes");
    private static final Path GOLDEN = ROOT.resolve("docs/eval/golden.jsonl");
    private static final Path THRESHOLDS = ROOT.resolve("docs/eval/regressions");
    private static final String MODEL = Embedders.DEFAULT;

    @TempDir
    static Path work;

    private static EvalReport report;

    @BeforeAll
    static void evaluate() throws IOException {
        EvalRunner.Options options = new EvalRunner.Options(work.resolve("index"), MODEL,
                List.of(SearchMode.values()), GoldenEvaluator.DEFAULT_K, SyncListener.NONE);
        report = EvalRunner.golden(options, NOTES, GOLDEN);
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void staysWithinItsRegressionThresholds(SearchMode mode) throws IOException {
        Path file = RegressionThresholds.file(THRESHOLDS, "golden", mode.id(), MODEL);
        RegressionCheck check = RegressionCheck.of(RegressionThresholds.read(file),
                report.metricsByMode().get(mode.id()));
        System.out.print(check.table());
        check.requirePassed();
    }

    @Test
    void everyOffTopicQuestionAbstains() {
        List<String> answered = report.questions().stream()
                .filter(q -> q.question().offTopic() && !q.answer().abstained())
                .map(q -> q.question().id() + ": " + q.question().question())
                .toList();
        assertEquals(List.of(), answered, "off-topic questions answered instead of abstaining");
        assertTrue(report.questions().stream().filter(q -> q.question().offTopic()).count() >= 10,
                "the golden set keeps at least 10 off-topic questions");
    }

    /** The command end to end on a few golden questions: write thresholds, pass the check, fail a raised one. */
    @Test
    void evalCommandWritesChecksAndFailsThresholds() throws IOException {
        Path golden = work.resolve("golden-sample.jsonl");
        List<String> lines = Files.readAllLines(GOLDEN);
        Files.write(golden, Stream.concat(lines.stream().limit(3), lines.stream().filter(l -> l.contains("\"off-")).limit(1))
                .toList());
        Path thresholds = work.resolve("thresholds");
        Path reports = work.resolve("reports");
        List<String> common = List.of("--notes", NOTES.toString(), "--golden", golden.toString(),
                "--index", work.resolve("index").toString(), "--report-dir", reports.toString(),
                "--thresholds", thresholds.toString(), "--modes", "bm25,hybrid");

        assertEquals(0, execute(common, "--update-thresholds").exit());
        Path hybridFile = RegressionThresholds.file(thresholds, "golden", "hybrid", MODEL);
        RegressionThresholds written = RegressionThresholds.read(hybridFile);
        assertEquals(EvalCommand.GOLDEN_TOLERANCE, written.tolerance());
        assertTrue(written.expected().containsKey("abstention-recall"), written.expected().toString());
        assertTrue(written.expected().containsKey("answer-fact-recall")
                && written.expected().containsKey("answer-complete"), written.expected().toString());
        assertTrue(Files.readString(hybridFile).contains("# Produced by: eval --notes"));

        Result check = execute(common, "--check", "--json");
        assertEquals(0, check.exit(), check.err());
        JsonNode json = new ObjectMapper().readTree(check.out());
        assertEquals(List.of("bm25", "hybrid"), List.copyOf(iterable(json.fieldNames())));
        assertEquals(written.expected().get("ndcg@10"), RegressionThresholds.round(json.get("hybrid").get("ndcg@10")
                .asDouble()));
        assertTrue(check.err().contains("regression check: OK"), check.err());
        assertTrue(Files.readString(reports.resolve("golden.html")).contains("<svg"));
        assertTrue(Files.readString(reports.resolve("golden.md")).contains("## Questions, misses first"));

        Files.writeString(hybridFile, "tolerance=0\nmrr@10=1.0001\n");
        Result failed = execute(common, "--check");
        assertEquals(1, failed.exit(), failed.out());
        assertTrue(failed.out().contains("FAIL") && failed.out().contains("regression check: FAIL"), failed.out());
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result execute(List<String> common, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = Stream.concat(common.stream(), Stream.of(more)).toArray(String[]::new);
        int exit = new CommandLine(new EvalCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
