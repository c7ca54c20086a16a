package org.askthenotes.app.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.askthenotes.app.cli.RootCommand;
import org.askthenotes.app.config.Settings;
import org.askthenotes.app.view.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** feedback export / feedback stats over the ratings store beside the index. */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = "Ratings learners gave answers: export golden-set candidates, or print statistics.",
        subcommands = {FeedbackCommand.Export.class, FeedbackCommand.Stats.class})
public final class FeedbackCommand implements Runnable {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: export or stats");
    }

    static FeedbackStore open(RootCommand root, Settings shared) throws IOException {
        return FeedbackStore.open(FeedbackStore.folderFor(root.config(shared).index()));
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write golden-set candidates (docs/eval/README.md format) and a review list of down votes.",
                    "Nothing is added to docs/eval/golden.jsonl: a person copies the lines they accept."})
    static final class Export implements Callable<Integer> {
        @ParentCommand
        FeedbackCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        Settings shared;

        @Option(names = "--out", paramLabel = "FILE", defaultValue = "feedback-candidates.jsonl",
                description = "Candidate golden questions, one JSON object a line (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--review", paramLabel = "FILE", defaultValue = "feedback-review.md",
                description = "Markdown list of the down votes: what was cited, what the learner said "
                        + "(default: ${DEFAULT-VALUE}).")
        Path review;

        @Override
        public Integer call() throws IOException {
            List<Rating> ratings;
            try (FeedbackStore store = open(parent.root, shared)) {
                ratings = store.all();
            }
            List<FeedbackExport.Candidate> candidates = FeedbackExport.candidates(ratings);
            ObjectMapper mapper = Json.mapper();
            List<String> lines = new ArrayList<>();
            for (FeedbackExport.Candidate candidate : candidates) {
                lines.add(Json.line(mapper, candidate.question()));
            }
            Files.write(out, lines, StandardCharsets.UTF_8);
            List<Rating> down = FeedbackExport.downVotes(ratings);
            Files.writeString(review, ReviewMarkdown.render(down, candidates), StandardCharsets.UTF_8);
            PrintWriter printer = spec.commandLine().getOut();
            printer.printf("%d ratings: %d golden-set candidates in %s, %d down votes to review in %s%n",
                    ratings.size(), candidates.size(), out, down.size(), review);
            printer.flush();
            return RootCommand.EXIT_OK;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Counts, down-vote rate per cited note and per mode, the questions downvoted most.")
    static final class Stats implements Callable<Integer> {
        @ParentCommand
        FeedbackCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        Settings shared;

        @Option(names = "--json", description = "Print one JSON object (the shape of GET /api/feedback/stats).")
        boolean json;

        @Override
        public Integer call() throws IOException {
            FeedbackStats stats;
            try (FeedbackStore store = open(parent.root, shared)) {
                stats = FeedbackStats.of(store.all());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.line(Json.mapper(), stats));
            } else {
                print(out, stats);
            }
            out.flush();
            return RootCommand.EXIT_OK;
        }

        private static void print(PrintWriter out, FeedbackStats stats) {
            out.printf("Ratings: %d (%d up, %d down; down-vote rate %.1f%%)%n", stats.ratings(), stats.up(),
                    stats.down(), 100 * stats.downRate());
            printGroups(out, "By cited note", stats.byNote());
            printGroups(out, "By mode", stats.byMode());
            out.println("Downvoted most:");
            for (FeedbackStats.Question q : stats.mostDownvoted()) {
                out.printf("  %2d down %2d up  %s%n", q.down(), q.up(), q.question());
                q.comments().forEach(c -> out.printf("              “%s”%n", c));
            }
        }

        private static void printGroups(PrintWriter out, String title, List<FeedbackStats.Group> groups) {
            out.println(title + ":");
            for (FeedbackStats.Group g : groups) {
                out.printf("  %5.1f%% down of %3d  %s%n", 100 * g.downRate(), g.ratings(), g.name());
            }
        }
    }
}
