package org.askthenotes.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IngestOptions;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.Language;
import org.askthenotes.ingest.NotesIngestor;
import org.askthenotes.retrieval.Embedders;
import org.askthenotes.retrieval.SearchMode;
import org.askthenotes.retrieval.SyncListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cross-lingual gate: Chinese questions over an English-only copy of the bundled notes, with the real default
 * model and a real index, stay at or above
 * docs/eval/regressions/crosslingual-{zh,en}.&lt;mode&gt;.all-minilm-l6-v2-q.properties, and in hybrid mode (the
 * default) reach at least 0.85 of the recall@3 their English versions reach.
 */
class CrosslingualRegressionTest {

    private static final Path ROOT = org.askthenotes.ingest.RepoRoot.path();
    private static final Path NOTES = ROOT.resolve("docs/notes");
    private static final Path THRESHOLDS = ROOT.resolve("docs/eval/regressions");
    private static final String MODEL = Embedders.DEFAULT;

    @TempDir
    static Path work;

    private static EvalReport chinese;
    private static EvalReport english;

    @BeforeAll
    static void evaluate() throws IOException {
        EvalRunner.Options options = new EvalRunner.Options(work.resolve("index"), MODEL,
                List.of(SearchMode.values()), GoldenEvaluator.DEFAULT_K, SyncListener.NONE);
        List<EvalReport> reports = EvalRunner.crosslingual(options, NOTES, ROOT.resolve("docs/eval/golden.jsonl"),
                ROOT.resolve("docs/eval/golden-crosslingual.jsonl"));
        chinese = reports.get(0);
        english = reports.get(1);
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void staysWithinItsRegressionThresholds(SearchMode mode) throws IOException {
        for (EvalReport report : List.of(chinese, english)) {
            Path file = RegressionThresholds.file(THRESHOLDS, report.dataset(), mode.id(), MODEL);
            RegressionCheck check = RegressionCheck.of(RegressionThresholds.read(file),
                    report.metricsByMode().get(mode.id()));
            System.out.print(check.table());
            check.requirePassed();
        }
    }

    @Test
    void chineseQuestionsReachMostOfWhatTheirEnglishVersionsReach() {
        System.out.print(CrosslingualRatio.table(chinese, english));
        double ratio = CrosslingualRatio.of(chinese, english, SearchMode.HYBRID.id());
        assertTrue(ratio >= CrosslingualRatio.AIM, "hybrid recall@3 zh/en = " + ratio);
        assertTrue(chinese.queries() >= 47, "17 golden and at least 30 new Chinese questions: " + chinese.queries());
        assertEquals(chinese.queries(), english.queries());
    }

    /** The copy keeps no Chinese a Chinese question could match: not in passages, headings or titles. */
    @Test
    void theEnglishOnlyCopyHoldsNoChinese() {
        IngestResult bilingual = new NotesIngestor(IngestOptions.defaults(),
                org.askthenotes.retrieval.Embedders.tokenBudget(org.askthenotes.retrieval.Embedders.DEFAULT)).ingest(NOTES);
        List<Chunk> chunks = Crosslingual.englishOnly(bilingual).notes().stream()
                .flatMap(note -> note.chunks().stream()).toList();
        assertFalse(chunks.isEmpty());
        for (Chunk chunk : chunks) {
            assertEquals(java.util.Set.of(Language.ENGLISH), chunk.languages(), chunk.id());
            String all = chunk.breadcrumb() + "\n" + chunk.text();
            assertTrue(all.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    all);
        }
        assertEquals("FM lifecycle", Crosslingual.withoutChinese("FM lifecycle (基礎模型生命週期)"));
        assertEquals("Tokens", Crosslingual.withoutChinese("Tokens 標記"));
    }
}
