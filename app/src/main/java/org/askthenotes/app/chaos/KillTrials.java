package org.askthenotes.app.chaos;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askthenotes.ingest.NotesIngestor;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.SyncListener;
import org.askthenotes.retrieval.SyncReport;

/**
 * kill -9 at random points of a sync: each trial edits the generated folder, starts {@code ingest} in a child JVM,
 * kills it after a random delay, then checks the index it left (every note whole, old or new; nothing indexed lost),
 * syncs it here, and checks it equals a clean ingest of the folder. Re-embedded = what the killed child had
 * embedded (its progress bar) minus what it committed (what the resumed sync did not need to embed).
 */
final class KillTrials {
    private static final Pattern PROGRESS = Pattern.compile("(\\d+)/(\\d+)");

    /** Totals over the trials. */
    record Result(int trials, int killedWhileEmbedding, int inconsistencies, int maxReEmbedded, int batch) {
    }

    private final Path work;
    private final Embedder embedder;
    private final NotesIngestor ingestor;
    private final Random random;
    private final PrintWriter out;

    KillTrials(Path work, Embedder embedder, NotesIngestor ingestor, Random random, PrintWriter out) {
        this.work = work;
        this.embedder = embedder;
        this.ingestor = ingestor;
        this.random = random;
        this.out = out;
    }

    Result run(int trials, int noteCount, double editShare) throws IOException, InterruptedException {
        Path notes = work.resolve("notes");
        Path index = work.resolve("index");
        ChaosNotes generator = new ChaosNotes(random);
        generator.generate(notes, noteCount);
        long fullRun = child(notes, index, new Kill(-1, Integer.MAX_VALUE, 0), work.resolve("first-sync.log"));
        out.printf("kill trials: %d notes, first sync took %d ms in a child JVM%n", noteCount, fullRun);
        int inconsistencies = check(index, notes, 0, "first sync");
        int whileEmbedding = 0;
        int maxReEmbedded = 0;
        for (int trial = 1; trial <= trials; trial++) {
            SortedMap<String, SortedMap<String, String>> before = indexed(index);
            // every other trial rewrites the whole folder, so its sync spans several batches and commits
            generator.edit(notes, trial % 2 == 0 ? 1.0 : editShare);
            int toEmbed = toEmbed(before, ChaosNotes.byNote(ChaosNotes.contents(ingestor.ingest(notes))));
            // a third of the kills at a random time (start-up, embedding, commit); the rest at a random chunk
            Kill kill = trial % 3 == 0 ? new Kill((long) (fullRun * random.nextDouble()), -1, 0)
                    : new Kill(-1, random.nextInt(Math.max(1, toEmbed)), random.nextInt(500));
            Path log = work.resolve("trial-" + trial + ".log");
            long ran = child(notes, index, kill, log);
            int embedded = lastProgress(log);
            whileEmbedding += embedded > 0 && embedded < toEmbed ? 1 : 0;
            Trial result = trial(index, notes, before, embedded);
            inconsistencies += result.inconsistencies();
            maxReEmbedded = Math.max(maxReEmbedded, result.reEmbedded());
            out.printf("trial %2d: %4d chunks to embed, %s, killed after %5d ms having embedded %4d; resume"
                    + " embedded %4d, re-embedded %3d, inconsistencies %d%n", trial, toEmbed, kill, ran, embedded,
                    result.resumed(), result.reEmbedded(), result.inconsistencies());
            out.flush();
        }
        return new Result(trials, whileEmbedding, inconsistencies, maxReEmbedded, 256);
    }

    private record Trial(int inconsistencies, int resumed, int reEmbedded) {
    }

    /** Checks the killed child's index, resumes the sync here, then checks it against a clean ingest. */
    private Trial trial(Path index, Path notes, SortedMap<String, SortedMap<String, String>> before, int embedded)
            throws IOException {
        SortedMap<String, SortedMap<String, String>> expected =
                ChaosNotes.byNote(ChaosNotes.contents(ingestor.ingest(notes)));
        int bad = 0;
        SyncReport resumed;
        try (NotesIndex opened = NotesIndex.open(index, embedder)) {
            SortedMap<String, SortedMap<String, String>> after = ChaosNotes.byNote(opened.contents());
            for (var note : after.entrySet()) {
                boolean old = note.getValue().equals(before.get(note.getKey()));
                boolean fresh = note.getValue().equals(expected.get(note.getKey()));
                if (!old && !fresh) {
                    out.printf("  INCONSISTENT %s: neither its indexed nor its new chunks%n", note.getKey());
                    bad++;
                }
            }
            for (String path : before.keySet()) {
                if (expected.containsKey(path) && !after.containsKey(path)) {
                    out.printf("  LOST %s: indexed before the kill, missing after%n", path);
                    bad++;
                }
            }
            int needed = expected.values().stream().mapToInt(SortedMap::size).sum();
            resumed = opened.sync(ingestor.ingest(notes, opened.indexedFiles()), SyncListener.NONE);
            bad += compare(opened.contents(), notes, "after resuming");
            int committedByChild = embedded == 0 ? 0 : Math.max(0, toEmbed(before, expected) - resumed.chunksEmbedded());
            return new Trial(bad, resumed.chunksEmbedded(), Math.max(0, embedded - committedByChild));
        }
    }

    /** Chunks a sync from {@code before} to {@code expected} embeds: those of every note that differs. */
    private static int toEmbed(SortedMap<String, SortedMap<String, String>> before,
                               SortedMap<String, SortedMap<String, String>> expected) {
        return expected.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .mapToInt(e -> e.getValue().size()).sum();
    }

    private int check(Path index, Path notes, int bad, String when) throws IOException {
        try (NotesIndex opened = NotesIndex.open(index, embedder)) {
            return bad + compare(opened.contents(), notes, when);
        }
    }

    private int compare(SortedMap<String, String> actual, Path notes, String when) {
        SortedMap<String, String> clean = ChaosNotes.contents(ingestor.ingest(notes));
        if (actual.equals(clean)) {
            return 0;
        }
        out.printf("  DIFFERS %s: index holds %d chunks, a clean ingest %d%n", when, actual.size(), clean.size());
        return 1;
    }

    private SortedMap<String, SortedMap<String, String>> indexed(Path index) throws IOException {
        try (NotesIndex opened = NotesIndex.open(index, embedder)) {
            return ChaosNotes.byNote(opened.contents());
        }
    }

    /** When to kill: after {@code millis}, or {@code extraMillis} after the progress bar reaches {@code chunk}. */
    private record Kill(long millis, int chunk, long extraMillis) {
        @Override
        public String toString() {
            return millis >= 0 ? "kill at " + millis + " ms" : "kill " + extraMillis + " ms after chunk " + chunk;
        }
    }

    /** Runs {@code ingest} in a child JVM and kills it with SIGKILL as {@code kill} says; returns its run time. */
    private long child(Path notes, Path index, Kill kill, Path log) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = ChildJvm.start(log, "ingest", "--notes", notes.toString(), "--index", index.toString());
        long deadline = start + TimeUnit.MINUTES.toNanos(30);
        while (!process.waitFor(20, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (kill.millis() >= 0 ? elapsed >= kill.millis() : lastProgress(log) >= kill.chunk()) {
                Thread.sleep(kill.extraMillis());
                break;
            }
        }
        process.destroyForcibly().waitFor();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The last "done/total" the child's progress bar printed: chunks it had embedded when it died. */
    private static int lastProgress(Path log) throws IOException {
        Matcher matcher = PROGRESS.matcher(Files.readString(log));
        int done = 0;
        while (matcher.find()) {
            done = Integer.parseInt(matcher.group(1));
        }
        return done;
    }
}
