package org.askthenotes.app.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs this application's CLI in a child JVM, the way a user runs it, so the chaos suite can kill it with
 * {@code destroyForcibly} (SIGKILL: no shutdown hook, no close, no commit). The child gets this JVM's class path,
 * which is the jar when run with {@code java -jar} and the Maven test class path in a test.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /** Starts {@code ask-the-notes args...} with stdout and stderr to {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.askthenotes.app.Main");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the child must read the folders it is given, not settings from the environment
        builder.environment().keySet().removeIf(name -> name.startsWith("ATN_"));
        return builder.start();
    }
}
