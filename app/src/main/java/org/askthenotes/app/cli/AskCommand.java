package org.askthenotes.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.askthenotes.app.NotesService;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.view.AnswerView;
import org.askthenotes.app.view.Json;
import org.askthenotes.generation.Answer;
import org.askthenotes.generation.AnswerListener;
import org.askthenotes.generation.AskRequest;
import org.askthenotes.generation.Citation;
import org.askthenotes.retrieval.Filters;
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
    SharedOptions shared;

    @Parameters(index = "0", paramLabel = "QUESTION", description = "The question, quoted.")
    String question;

    @Option(names = "--json", description = "Print the answer as the same JSON object POST /api/ask returns.")
    boolean json;

    @Option(names = "--include-prompt", description = "Include the assembled four-part prompt.")
    boolean includePrompt;

    @Override
    public Integer call() throws Exception {
        if (question.isBlank() || question.length() > 2000) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "QUESTION must be 1 to 2000 characters, got " + question.length());
        }
        AppConfig config = shared.resolve(root.resolver());
        PrintWriter out = spec.commandLine().getOut();
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "embedding");
        try (NotesService service = NotesService.open(config)) {
            service.sync(bar::update);
            bar.finish();
            AskRequest request = new AskRequest(question.strip(), List.of(), config.k(), config.mode(), Filters.NONE,
                    includePrompt);
            Answer answer = service.ask(null, request, AnswerListener.NONE);
            if (json) {
                ObjectMapper mapper = Json.mapper();
                out.println(Json.line(mapper, AnswerView.of(answer)));
            } else {
                printText(out, answer);
            }
        } finally {
            bar.finish();
        }
        out.flush();
        return RootCommand.EXIT_OK;
    }

    private static void printText(PrintWriter out, Answer answer) {
        out.println(answer.text());
        if (!answer.citations().isEmpty()) {
            out.println();
            out.println("Sources:");
            for (Citation c : answer.citations()) {
                out.printf("[%d] %s%s (lines %d-%d)%s%n", c.n(), c.notePath(),
                        c.anchor().isEmpty() ? "" : "#" + c.anchor(), c.startLine(), c.endLine(),
                        c.headingPath().isEmpty() ? "" : " · " + String.join(" › ", c.headingPath()));
                out.printf("    \"%s\"%n", c.snippet().replaceAll("\\s+", " ").strip());
            }
        }
        out.println();
        out.printf("(answered by %s; %s%s; %s ms)%n", answer.answerer(),
                answer.abstained() ? "abstained" : answer.grounded() ? "grounded" : "not fully grounded",
                answer.droppedMarkers().isEmpty() ? "" : "; dropped " + String.join(" ", answer.droppedMarkers()),
                answer.timingsMs().getOrDefault("total", 0L));
    }
}
