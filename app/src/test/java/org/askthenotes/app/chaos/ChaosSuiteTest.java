package org.askthenotes.app.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.askthenotes.app.cli.RootCommand;
import org.askthenotes.app.support.TestNotes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The CI-sized chaos suite: real child JVMs killed with SIGKILL mid-sync, the hostile corpus through a real
 * {@code ingest}, and a real {@code serve} on loopback under load while notes change. The full run (20+ kills,
 * 10,000 requests) is {@code java -jar app/target/ask-the-notes.jar chaos}; its results are in docs/reliability.md.
 */
class ChaosSuiteTest {

    @TempDir
    Path work;

    @Test
    void killsHostileNotesAndLoadLeaveAnIndexEqualToACleanIngest() {
        StringWriter output = new StringWriter();
        CommandLine cli = RootCommand.commandLine(Map.of(), work);
        cli.setOut(new PrintWriter(output, true));
        cli.setErr(new PrintWriter(output, true));

        int exit = cli.execute("chaos", "--work", work.toString(), "--kills", "3", "--notes-count", "12",
                "--edit-share", "0.5", "--requests", "300", "--concurrency", "4", "--hostile-scale", "0.2",
                "--bundled-notes", TestNotes.bundled().toString());

        String report = output.toString();
        assertEquals(0, exit, report);
        assertTrue(report.contains("KILLS: 3 trials") && report.contains(", 0 inconsistencies"), report);
        assertTrue(report.contains("LOAD: 300 requests, 0 errors"), report);
        assertTrue(report.contains("files with more than one, 0 failed checks"), report);
    }
}
