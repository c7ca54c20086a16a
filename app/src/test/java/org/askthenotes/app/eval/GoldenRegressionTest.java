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
import org.askthenotes.retrieval.Embedders;
import org.askthenotes.retrieval.SearchMode;
import org.askthenotes.retrieval.SyncListener;
import org.askthenotes.retrieval.eval.RegressionCheck;
import org.askthenotes.retrieval.eval.RegressionThresholds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * The retrieval-quality gate: the golden set over the bundled notes, with the real model and a real index, must
 * stay at or above docs/eval/regressions/golden.&lt;mode&gt;.all-minilm-l6-v2.properties in every mode, and every
 * off-topic question must abstain.
 */
class GoldenRegressionTest {

    private static final Path ROOT = Path.of(System.getProperty("atn.repoRoot", ".")).toAbsolutePath();
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
    void everyOffTopicQuestionAbstainsInEveryMode() {
        List<String> answered = report.questions().stream()
                .filter(q -> q.question().offTopic())
                .flatMap(q -> q.byMode().entrySet().stream()
                        .filter(e -> !e.getValue().answer().abstained())
                        .map(e -> q.question().id() + " (" + e.getKey().id() + "): " + q.question().question()))
                .toList();
        assertEquals(List.of(), answered, "off-topic questions answered instead of abstaining");
        assertTrue(report.questions().stream().filter(q -> q.question().offTopic()).count() >= 10,
                "the golden set keeps at least 10 off-topic questions");
    }

    @Test
    void evalCommandChecksThresholdsPrintsJsonAndWritesReports() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path reports = work.resolve("reports");
        int exit = new CommandLine(new EvalCommand())
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--notes", NOTES.toString(), "--golden", GOLDEN.toString(),
                        "--index", work.resolve("index").toString(), "--report-dir", reports.toString(),
                        "--thresholds", THRESHOLDS.toString(), "--check", "--json");
        assertEquals(0, exit, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        for (SearchMode mode : SearchMode.values()) {
            assertEquals(report.metricsByMode().get(mode.id()).get("ndcg@10"),
                    json.get(mode.id()).get("ndcg@10").asDouble(), 1e-12, "same index, same numbers");
        }
        assertTrue(err.toString().contains("regression check: OK"), err.toString());
        assertTrue(Files.readString(reports.resolve("golden.html")).contains("<svg"));
        assertTrue(Files.readString(reports.resolve("golden.md")).contains("## Questions, misses first"));
    }
}
