package org.askthenotes.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.askthenotes.app.NotesService;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.config.Settings;
import org.askthenotes.app.view.Json;
import org.askthenotes.generation.Answer;
import org.askthenotes.generation.AnswerListener;
import org.askthenotes.generation.AskRequest;
import org.askthenotes.retrieval.Filters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Answer a file of questions into a .jsonl file, in parallel; rerun to resume.",
                "Input: .jsonl lines {\"id\": ..., \"question\": ...}; .csv with a header row naming a question column "
                        + "(and optionally id); or text with one question a line (id = line number).",
                "Exit code 1 when any input line was malformed or any question failed; the others are still answered."})
public final class BatchCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    Settings settings;

    @Option(names = "--in", required = true, paramLabel = "FILE",
            description = "Questions (.jsonl, .csv with a header row, or .txt); UTF-8.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Answers (.jsonl); ids already in it are skipped and new lines appended.")
    Path out;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2",
            description = "Questions answered at once, 1..16 (default ${DEFAULT-VALUE}).")
    int parallel;

    @Override
    public Integer call() throws Exception {
        if (parallel < 1 || parallel > 16) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--parallel must be between 1 and 16: "
                    + parallel);
        }
        checkFiles();
        AppConfig config = root.config(settings);
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper mapper = Json.mapper();
        BatchInput.Parsed input = BatchInput.read(in, mapper);
        input.problems().forEach(p -> err.println("error: " + p));
        Set<String> done = BatchOutput.doneIds(out, mapper, err);
        List<BatchInput.Question> todo = input.questions().stream().filter(q -> !done.contains(q.id())).toList();
        err.printf("batch: %d questions, %d already answered in %s, %d to go%n", input.questions().size(),
                input.questions().size() - todo.size(), out, todo.size());
        err.flush();
        int failures;
        try (NotesService service = SyncedIndex.openForReading(config, err)) {
            failures = answerAll(service, config, todo, mapper, err);
        }
        return input.problems().isEmpty() && failures == 0 ? RootCommand.EXIT_OK : RootCommand.EXIT_FAILURE;
    }

    /** Usage errors a user can fix before anything loads; a missing --out folder is created, as for any output. */
    private void checkFiles() throws java.io.IOException {
        if (Files.isDirectory(in)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--in: " + in + " is a folder; give a questions file (.jsonl, .csv or .txt)");
        }
        if (!Files.isRegularFile(in)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--in: no such file: " + in);
        }
        if (Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--out: " + out + " is a folder; give a file such as " + out.resolve("answers.jsonl"));
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            spec.commandLine().getErr().println("batch: created the folder " + folder + " for --out");
        }
    }

    /** Answers on a fixed pool of {@code parallel} threads; each answer is written the moment it is ready. */
    private int answerAll(NotesService service, AppConfig config, List<BatchInput.Question> todo, ObjectMapper mapper,
                          PrintWriter err) throws Exception {
        ProgressBar bar = new ProgressBar(err, "answering");
        AtomicInteger finished = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try (BatchOutput output = BatchOutput.append(out, mapper)) {
            List<Future<?>> futures = new ArrayList<>();
            bar.update(0, todo.size());
            for (BatchInput.Question q : todo) {
                futures.add(pool.submit(() -> {
                    try {
                        AskRequest request = new AskRequest(q.question(), List.of(), config.k(), config.mode(),
                                Filters.NONE, false);
                        Answer answer = service.ask(null, request, AnswerListener.NONE);
                        output.write(q.id(), q.question(), answer);
                    } catch (Exception e) {
                        failures.add("id " + q.id() + ": " + e.getMessage());
                    }
                    bar.update(finished.incrementAndGet(), todo.size());
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            bar.finish();
        }
        failures.forEach(f -> err.println("error: " + f));
        err.flush();
        return failures.size();
    }
}
