package org.askthenotes.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.askthenotes.app.NotesService;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.config.Settings;
import org.askthenotes.ingest.IngestReport;
import org.askthenotes.ingest.Problem;
import org.askthenotes.retrieval.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Sync the index with the notes folder and print what was read and what changed.")
public final class IngestCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    Settings settings;

    @Override
    public Integer call() throws Exception {
        AppConfig config = root.config(settings);
        PrintWriter out = spec.commandLine().getOut();
        NotesService.SyncOutcome outcome;
        try (NotesService service = SyncedIndex.openForWriting(config, spec.commandLine().getErr())) {
            outcome = service.lastSync();
        }
        print(out, config, outcome.ingest(), outcome.sync());
        out.printf("Total:   %d ms (reading the folder, chunking what changed, embedding, writing)%n", outcome.millis());
        out.flush();
        if (outcome.ingest().filesSeen() == 0) {
            spec.commandLine().getErr().println("error: no notes found in " + config.notes()
                    + ": ingest reads Markdown files (*.md) in that folder and its subfolders (--notes DIR)");
            return RootCommand.EXIT_FAILURE;
        }
        return outcome.ingest().problems().stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)
                ? RootCommand.EXIT_FAILURE : RootCommand.EXIT_OK;
    }

    static void print(PrintWriter out, AppConfig config, IngestReport ingest, SyncReport sync) {
        out.printf("Notes:   %s%n", config.notes());
        out.printf("Index:   %s%n", config.index());
        out.printf("Ingest:  %d files seen, %d notes read, %d chunks, %d problems%n",
                ingest.filesSeen(), ingest.notesRead(), ingest.chunks(), ingest.problems().size());
        for (Problem problem : ingest.problems()) {
            out.printf("  %s%n", problem);
        }
        out.printf("Sync:    %d added, %d changed, %d deleted, %d unchanged, %d kept; %d chunks embedded in %d ms%n",
                sync.notesAdded(), sync.notesChanged(), sync.notesDeleted(), sync.notesUnchanged(), sync.notesKept(),
                sync.chunksEmbedded(), sync.millis());
        if (sync.rebuilt()) {
            out.printf("Rebuilt: %s%n", sync.rebuildReason());
        }
    }
}
