package org.askthenotes.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrecFormatTest {

    @TempDir
    Path dir;

    @Test
    void readsBeirQrelsWithCrlfEndingsAndHeader() throws IOException {
        Path file = dir.resolve("test.tsv");
        Files.writeString(file, "query-id\tcorpus-id\tscore\r\n1\t31715818\t1\r\n1\t99\t0\r\n3\t14717500\t2\r\n");
        Qrels qrels = Qrels.readBeirTsv(file);
        assertEquals(Map.of("31715818", 1, "99", 0), qrels.judged("1"));
        assertEquals(Map.of("14717500", 2), qrels.judged("3"));
        assertEquals(1, qrels.relevantCount("1"));
        assertEquals(List.of("1", "3"), List.copyOf(qrels.queryIds()));
    }

    @Test
    void namesFileAndLineOfABadQrelsLine() throws IOException {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, "query-id\tcorpus-id\tscore\n1\t2\tyes\n");
        IOException e = assertThrows(IOException.class, () -> Qrels.readBeirTsv(file));
        assertTrue(e.getMessage().startsWith(file + ":2: score is not an integer"), e.getMessage());
    }

    @Test
    void writesTrecRunLinesInTrecEvalOrderAndReadsThemBack() throws IOException {
        Run run = new Run(Map.of("q1", List.of(
                new ScoredDoc("a", 0.5), new ScoredDoc("b", 0.75), new ScoredDoc("c", 0.5))));
        Path file = dir.resolve("runs/run.hybrid.txt");
        run.writeTrec(file, "atn-hybrid");
        assertEquals(List.of(
                "q1 Q0 b 1 0.75 atn-hybrid",
                "q1 Q0 c 2 0.5 atn-hybrid",
                "q1 Q0 a 3 0.5 atn-hybrid"), Files.readAllLines(file, StandardCharsets.UTF_8));
        assertEquals(run, Run.readTrec(file));
    }

    @Test
    void keepsScoresExactSoNoTiesAppearInTheFile() throws IOException {
        double close = 0.016393442622950821;
        Run run = new Run(Map.of("q", List.of(new ScoredDoc("a", close), new ScoredDoc("b", Math.nextDown(close)))));
        Path file = dir.resolve("run.txt");
        run.writeTrec(file, "t");
        assertEquals(List.of("a", "b"), Run.readTrec(file).ranking("q"));
    }

    @Test
    void namesFileAndLineOfABadRunLine() throws IOException {
        Path file = dir.resolve("bad-run.txt");
        Files.writeString(file, "q1 Q0 a 1 0.5 t\nq1 Q0 b 2\n");
        IOException e = assertThrows(IOException.class, () -> Run.readTrec(file));
        assertTrue(e.getMessage().startsWith(file + ":2: expected"), e.getMessage());
    }
}
