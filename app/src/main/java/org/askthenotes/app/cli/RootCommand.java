package org.askthenotes.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.config.ConfigException;
import org.askthenotes.app.config.Settings;
import org.askthenotes.app.config.SettingsProvider;
import org.askthenotes.app.eval.EvalCommand;
import org.askthenotes.app.feedback.FeedbackCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** ask-the-notes: the parent of every subcommand; holds what they resolve settings against. */
@Command(name = "ask-the-notes", mixinStandardHelpOptions = true, version = "ask-the-notes 0.1.0",
        description = "Ask questions of a folder of Markdown notes and get answers with citations.",
        subcommands = {ServeCommand.class, IngestCommand.class, AskCommand.class, BatchCommand.class,
                EvalCommand.class, BenchCommand.class, FeedbackCommand.class, org.askthenotes.app.chaos.ChaosCommand.class,
                CommandLine.HelpCommand.class})
public final class RootCommand implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private final Map<String, String> env;
    private final Path workingDir;
    private final SettingsProvider settings;

    @Spec
    private CommandSpec spec;

    public RootCommand(Map<String, String> env, Path workingDir) {
        this.env = Map.copyOf(env);
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.settings = new SettingsProvider(this.env);
    }

    /** A command's settings, as parsed: relative paths resolve against the working directory. */
    public AppConfig config(Settings parsed) {
        return parsed.toConfig(settings, workingDir);
    }

    /** The same settings without a command line, plus {@code args}: eval's LLM answerers read them as serve does. */
    public AppConfig config(Path configFile, String... args) {
        return Settings.resolve(env, workingDir, configFile, args);
    }

    @Override
    public void run() {
        List<String> commands = spec.subcommands().keySet().stream().filter(name -> !"help".equals(name)).toList();
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required: " + String.join(", ", commands));
    }

    /** The command line with one-line errors and the exit codes 0 (ok), 1 (failure) and 2 (usage). */
    public static CommandLine commandLine(Map<String, String> env, Path workingDir) {
        RootCommand root = new RootCommand(env, workingDir);
        CommandLine cli = new CommandLine(root);
        // one provider for every command (eval included): unset options read the environment, then --config
        cli.setDefaultValueProvider(root.settings);
        Settings.show(cli.getSubcommands().get("serve").getCommandSpec(), Settings.ANSWERING);
        Settings.show(cli.getSubcommands().get("serve").getCommandSpec(), Settings.SERVING);
        Settings.show(cli.getSubcommands().get("ask").getCommandSpec(), Settings.ANSWERING);
        Settings.show(cli.getSubcommands().get("batch").getCommandSpec(), Settings.ANSWERING);
        for (String command : List.of("serve", "ingest", "ask", "batch")) {
            Settings.show(cli.getSubcommands().get(command).getCommandSpec(), Settings.STORAGE);
        }
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("error: " + oneLine(root.settings.explain(e)) + " (see "
                    + failed.getCommandSpec().qualifiedName() + " --help)");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println("error: " + oneLine(e));
            return e instanceof ConfigException || e instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_FAILURE;
        });
        return cli;
    }

    private static String oneLine(Exception e) {
        return oneLine(e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}
