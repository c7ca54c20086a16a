package org.askthenotes.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.askthenotes.retrieval.bench.RetrievalBench;
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

    @Override
    public Integer call() throws Exception {
        String command = "java -jar app/target/ask-the-notes.jar bench"
                + " --sizes " + String.join(",", sizes.stream().map(String::valueOf).toList())
                + " --real " + real + " --queries " + queries + " --recall-queries " + recallQueries;
        String report = RetrievalBench.run(
                new RetrievalBench.Options(sizes, real, queries, recallQueries, work, command));
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
}
