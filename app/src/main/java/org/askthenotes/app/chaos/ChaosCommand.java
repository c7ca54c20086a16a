package org.askthenotes.app.chaos;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.askthenotes.ingest.IngestOptions;
import org.askthenotes.ingest.NotesIngestor;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.Embedders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The chaos suite: kill -9 trials during syncs, a load run against serve while notes change, and a hostile notes
 * folder. Each part checks that the index equals a clean ingest of its folder; the exit code is 0 only when every
 * check passed. CI runs a small version (ChaosSuiteTest); docs/reliability.md holds a full run.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Kill syncs at random points, load a server while notes change, ingest a hostile folder; "
                + "check the index against a clean ingest after each.")
public final class ChaosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--work", defaultValue = "target/chaos",
            description = "Folder for the generated notes, indexes and child logs; emptied first (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--parts", split = ",", defaultValue = "kills,load,hostile",
            description = "Which parts to run (default: ${DEFAULT-VALUE}).")
    List<String> parts;

    @Option(names = "--kills", defaultValue = "20", description = "kill -9 trials (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--notes-count", defaultValue = "120",
            description = "Generated notes for the kill trials (default: ${DEFAULT-VALUE}).")
    int notesCount;

    @Option(names = "--edit-share", defaultValue = "0.25",
            description = "Share of the notes each trial rewrites or deletes (default: ${DEFAULT-VALUE}).")
    double editShare;

    @Option(names = "--requests", defaultValue = "10000",
            description = "Requests in the load run (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--concurrency", defaultValue = "8", description = "Load run clients (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--bundled-notes", defaultValue = "docs/notes",
            description = "Notes the load run serves a copy of (default: ${DEFAULT-VALUE}).")
    Path bundledNotes;

    @Option(names = "--hostile-scale", defaultValue = "1",
            description = "Shrinks the hostile notes whose cost is their volume of text, for a quick run (default: ${DEFAULT-VALUE}).")
    double hostileScale;

    @Option(names = "--seed", defaultValue = "10", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        clean(work);
        Random random = new Random(seed);
        Embedder embedder = Embedders.create(Embedders.DEFAULT);
        NotesIngestor ingestor = new NotesIngestor(IngestOptions.defaults(), embedder.tokenBudget());
        int failures = 0;
        if (parts.contains("kills")) {
            KillTrials.Result kill = new KillTrials(Files.createDirectories(work.resolve("kills")), embedder,
                    ingestor, random, out).run(kills, notesCount, editShare);
            out.printf("KILLS: %d trials (%d killed while embedding), %d inconsistencies, at most %d chunks"
                    + " re-embedded after a kill (batch %d)%n", kill.trials(), kill.killedWhileEmbedding(),
                    kill.inconsistencies(), kill.maxReEmbedded(), kill.batch());
            failures += kill.inconsistencies();
        }
        if (parts.contains("hostile")) {
            HostileRun.Result hostile = new HostileRun(Files.createDirectories(work.resolve("hostile")), embedder,
                    ingestor, out).run(hostileScale);
            out.printf("HOSTILE: %d files, %d report lines, %d files with more than one, %d failed checks%n",
                    hostile.files(), hostile.reportLines(), hostile.filesOverOneLine(), hostile.failures());
            failures += hostile.failures();
        }
        if (parts.contains("load")) {
            LoadRun.Result load = new LoadRun(Files.createDirectories(work.resolve("load")), embedder, ingestor,
                    random, out).run(bundledNotes, requests, concurrency);
            out.printf("LOAD: %d requests, %d errors; %d edits, %d reindexes (%d errors); %d failed checks%n",
                    load.requests(), load.errors(), load.edits(), load.reindexes(), load.reindexErrors(),
                    load.failures());
            failures += load.errors() + load.reindexErrors() + load.failures();
        }
        out.println(failures == 0 ? "CHAOS: all checks passed" : "CHAOS: " + failures + " failures");
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    private static void clean(Path work) throws java.io.IOException {
        if (Files.exists(work)) {
            try (var files = Files.walk(work)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(work);
    }
}
