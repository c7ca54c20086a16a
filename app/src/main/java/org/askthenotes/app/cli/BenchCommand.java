package org.askthenotes.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.askthenotes.app.bench.AskBench;
import org.askthenotes.app.bench.AskBenchReport;
import org.askthenotes.retrieval.Embedders;
import org.askthenotes.app.bench.RetrievalBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The retrieval benchmark: ratios against baselines run in the same process, never wall-clock asserts. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark indexing and search on synthetic corpora and write a Markdown report.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", defaultValue = "10000,100000",
            description = "Corpus sizes in chunks (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--real", defaultValue = "3000",
            description = "Chunks embedded for real; larger corpora derive the rest from them (default: ${DEFAULT-VALUE}).")
    int real;

    @Option(names = "--queries", defaultValue = "200", description = "Queries timed per mode (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--recall-queries", defaultValue = "100",
            description = "Queries scored for HNSW recall@10 (default: ${DEFAULT-VALUE}).")
    int recallQueries;

    @Option(names = "--out", defaultValue = "docs/benchmarks.md", description = "Report file (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--work", description = "Folder for the indexes (default: a temporary folder, deleted afterwards).")
    Path work;

    @Option(names = "--model", defaultValue = Embedders.DEFAULT,
            description = "The bundled embedding model to measure (default: ${DEFAULT-VALUE}); any other needs its jar "
                    + "on the classpath, as -Pall-models builds.")
    String model;

    @Option(names = "--only", defaultValue = "all",
            description = "Which benchmarks: all, retrieval or ask (default: ${DEFAULT-VALUE}).")
    String only;

    @Option(names = "--notes", defaultValue = "docs/notes", description = "Notes the ask benchmark indexes (default: ${DEFAULT-VALUE}).")
    Path notes;

    @Option(names = "--golden", defaultValue = "docs/eval/golden.jsonl",
            description = "Questions the ask benchmark asks (default: ${DEFAULT-VALUE}).")
    Path golden;

    @Option(names = "--ask-rounds", defaultValue = "5",
            description = "Single-client passes over the questions (default: ${DEFAULT-VALUE}).")
    int askRounds;

    @Option(names = "--ask-requests", defaultValue = "400",
            description = "Asks per concurrency level (default: ${DEFAULT-VALUE}).")
    int askRequests;

    @Option(names = "--concurrency", split = ",", defaultValue = "1,2,4,8",
            description = "Concurrent clients for the ask throughput runs (default: ${DEFAULT-VALUE}).")
    List<Integer> concurrency;

    @Override
    public Integer call() throws Exception {
        if (!List.of("all", "retrieval", "ask").contains(only)) {
            throw new IllegalArgumentException("--only must be all, retrieval or ask: " + only);
        }
        String command = "java -jar app/target/ask-the-notes.jar bench --only " + only
                + (model.equals(Embedders.DEFAULT) ? "" : " --model " + model);
        if (!only.equals("ask")) {
            command += " --sizes " + String.join(",", sizes.stream().map(String::valueOf).toList())
                    + " --real " + real + " --queries " + queries + " --recall-queries " + recallQueries;
        }
        if (!only.equals("retrieval")) {
            command += " --ask-rounds " + askRounds + " --ask-requests " + askRequests + " --concurrency "
                    + String.join(",", concurrency.stream().map(String::valueOf).toList());
        }
        String report = only.equals("ask") ? "# Benchmarks\n\nCommand: `" + command + "`\n\n"
                : RetrievalBench.run(new RetrievalBench.Options(sizes, real, queries, recallQueries, work, command,
                        model));
        if (!only.equals("retrieval")) {
            report += askReport();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(report);
        if (this.out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(this.out.toAbsolutePath().getParent());
        }
        Files.writeString(this.out, report, StandardCharsets.UTF_8);
        out.println("written to " + this.out.toAbsolutePath());
        out.flush();
        return RootCommand.EXIT_OK;
    }

    private String askReport() throws Exception {
        Path index = work != null ? work.resolve("ask") : Files.createTempDirectory("atn-ask-bench");
        AskBench.Options options = new AskBench.Options(notes, golden, askRounds, askRequests, concurrency, index);
        System.err.println("[bench] asking the golden questions over " + notes);
        try {
            return new AskBenchReport(options, AskBench.run(options, Embedders.create(model))).markdown();
        } finally {
            if (work == null) {
                try (var paths = Files.walk(index)) {
                    for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }
}
