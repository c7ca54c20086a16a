package org.askthenotes.app.chaos;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.askthenotes.ingest.NotesIngestor;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.NotesIndex;

/**
 * The hostile corpus through {@code ingest} in a child JVM: it must finish (exit 0, or 1 for skipped files), give
 * each file at most one report line, leave an index equal to a clean ingest, and index an edit made afterwards.
 */
final class HostileRun {
    /** Files, report lines, files with more than one line, and failed checks. */
    record Result(int files, int reportLines, int filesOverOneLine, int failures, long firstMillis) {
    }

    private final Path work;
    private final Embedder embedder;
    private final NotesIngestor ingestor;
    private final PrintWriter out;
    private int failures;

    HostileRun(Path work, Embedder embedder, NotesIngestor ingestor, PrintWriter out) {
        this.work = work;
        this.embedder = embedder;
        this.ingestor = ingestor;
        this.out = out;
    }

    Result run(double scale) throws IOException, InterruptedException {
        Path notes = work.resolve("notes");
        Path index = work.resolve("index");
        Map<String, String> files = HostileCorpus.write(notes, scale);
        long start = System.nanoTime();
        String log = ingest(notes, index, work.resolve("first.log"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!log.contains("\nSync:")) {
            fail("the first ingest did not finish: see first.log");
        }
        Map<String, Integer> lines = new HashMap<>();
        int reportLines = 0;
        for (String line : log.split("\n")) {
            if (line.startsWith("  WARNING ") || line.startsWith("  ERROR ")) {
                String rest = line.substring(line.indexOf(' ', 2) + 1);
                lines.merge(rest.substring(0, rest.indexOf(':')), 1, Integer::sum);
                reportLines++;
                out.println("  " + line.strip());
            }
        }
        int overOne = 0;
        for (Map.Entry<String, Integer> entry : lines.entrySet()) {
            if (entry.getValue() > 1) {
                overOne++;
                fail(entry.getKey() + " has " + entry.getValue() + " report lines");
            }
        }
        compare(notes, index, "after the first ingest");
        Files.writeString(notes.resolve(HostileCorpus.EDITED_NOTE), "\nEdited afterwards: zebra crossing.\n",
                java.nio.file.StandardOpenOption.APPEND);
        ingest(notes, index, work.resolve("second.log"));
        compare(notes, index, "after an edit");
        try (NotesIndex opened = NotesIndex.open(index, embedder)) {
            if (opened.contents().values().stream().noneMatch(text -> text.contains("zebra crossing"))) {
                fail("the edit made after the hostile files was not indexed");
            }
        }
        out.printf("hostile corpus: %d files, %d report lines, %d files with more than one, first ingest %d ms%n",
                files.size(), reportLines, overOne, millis);
        return new Result(files.size(), reportLines, overOne, failures, millis);
    }

    private String ingest(Path notes, Path index, Path log) throws IOException, InterruptedException {
        Process process = ChildJvm.start(log, "ingest", "--notes", notes.toString(), "--index", index.toString());
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            fail("ingest did not finish within 20 minutes");
        }
        int exit = process.exitValue();
        if (exit != 0 && exit != 1) {
            fail("ingest exited " + exit);
        }
        return Files.readString(log);
    }

    private void compare(Path notes, Path index, String when) throws IOException {
        try (NotesIndex opened = NotesIndex.open(index, embedder)) {
            if (!opened.contents().equals(ChaosNotes.contents(ingestor.ingest(notes)))) {
                fail("the index differs from a clean ingest " + when);
            }
        }
    }

    private void fail(String message) {
        out.println("  FAIL " + message);
        failures++;
    }
}
