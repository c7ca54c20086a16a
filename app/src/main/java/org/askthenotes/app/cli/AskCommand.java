package org.askthenotes.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.askthenotes.app.NotesService;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.config.Settings;
import org.askthenotes.app.view.AnswerView;
import org.askthenotes.app.view.Json;
import org.askthenotes.generation.Answer;
import org.askthenotes.generation.AnswerListener;
import org.askthenotes.generation.AskRequest;
import org.askthenotes.generation.Citation;
import org.askthenotes.retrieval.Filters;
import org.askthenotes.retrieval.SearchRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answer one question from the notes, with its citations.")
public final class AskCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    Settings settings;

    @Parameters(index = "0", paramLabel = "QUESTION", description = "The question, quoted.")
    String question;

    @Option(names = "--json", description = "Print the answer as the same JSON object POST /api/ask returns.")
    boolean json;

    @Option(names = "--include-prompt", description = "Include the assembled four-part prompt.")
    boolean includePrompt;

    @Override
    public Integer call() throws Exception {
        if (question.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "QUESTION is blank: give the question in quotes, e.g. ask \"What is RAG?\"");
        }
        if (question.strip().length() > SearchRequest.MAX_QUERY_CHARS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "QUESTION is "
                    + question.strip().length() + " characters; the limit is " + SearchRequest.MAX_QUERY_CHARS);
        }
        AppConfig config = root.config(settings);
        PrintWriter out = spec.commandLine().getOut();
        try (NotesService service = SyncedIndex.openForReading(config, spec.commandLine().getErr())) {
            AskRequest request = new AskRequest(question.strip(), List.of(), config.k(), config.mode(), Filters.NONE,
                    includePrompt);
            Answer answer = service.ask(null, request, AnswerListener.NONE);
            if (json) {
                ObjectMapper mapper = Json.mapper();
                out.println(Json.line(mapper, AnswerView.of(answer)));
            } else {
                printText(out, answer);
            }
        }
        out.flush();
        return RootCommand.EXIT_OK;
    }

    static void printText(PrintWriter out, Answer answer) {
        out.println(answer.text());
        if (!answer.citations().isEmpty()) {
            out.println();
            out.println("Sources:");
            for (Citation c : answer.citations()) {
                out.printf("[%d] %s (%s)%s%n", c.n(), location(c), lines(c), headings(c));
                out.printf("    \"%s\"%n", c.snippet().replaceAll("\\s+", " ").strip());
            }
        }
        if (answer.abstained()) {
            printNearest(out, answer.alsoRetrieved());
        }
        out.println();
        out.printf("(answered by %s; %s%s; %s ms)%n", answer.answerer(),
                answer.abstained() ? "abstained" : answer.grounded() ? "grounded" : "not fully grounded",
                answer.droppedMarkers().isEmpty() ? "" : "; dropped " + String.join(" ", answer.droppedMarkers()),
                answer.timingsMs().getOrDefault("total", 0L));
    }

    /** As the chat page does after an abstention: the nearest sections the notes do have, once each. */
    private static void printNearest(PrintWriter out, List<Citation> nearest) {
        Set<String> seen = new LinkedHashSet<>();
        for (Citation c : nearest) {
            if (seen.add(location(c))) {
                if (seen.size() == 1) {
                    out.println();
                    out.println("Nearest in the notes:");
                }
                out.printf("  %s (%s)%s%n", location(c), lines(c), headings(c));
            }
        }
    }

    private static String location(Citation c) {
        return c.notePath() + (c.anchor().isEmpty() ? "" : "#" + c.anchor());
    }

    /** "line 30" for one line, "lines 30-34" for more. */
    static String lines(Citation c) {
        return c.startLine() == c.endLine() ? "line " + c.startLine() : "lines " + c.startLine() + "-" + c.endLine();
    }

    private static String headings(Citation c) {
        return c.headingPath().isEmpty() ? "" : " · " + String.join(" › ", c.headingPath());
    }
}
