package org.askthenotes.app;

import java.nio.file.Path;
import java.util.Map;
import org.askthenotes.app.cli.RootCommand;
import picocli.CommandLine;

/** The runnable jar's entry point: {@code java -jar ask-the-notes.jar serve|ingest|ask|batch ...}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = RootCommand.commandLine(System.getenv(), Path.of("")).execute(args);
        // serve blocks inside execute until the server stops, so exiting here never cuts it short.
        System.exit(code);
    }

    /** For tests and embedding: a command line reading the given environment, relative paths against workingDir. */
    public static CommandLine commandLine(Map<String, String> env, Path workingDir) {
        return RootCommand.commandLine(env, workingDir);
    }
}
