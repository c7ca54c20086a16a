package org.askthenotes.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.askthenotes.app.Main;
import org.askthenotes.app.NotesServer;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.config.Settings;
import org.askthenotes.app.support.RawHttp;
import org.askthenotes.app.support.TestNotes;
import org.askthenotes.retrieval.SyncListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** serve off loopback: refused without a token before anything loads; with --insecure it runs, Host-checked. */
class ServeExposureTest {
    @TempDir
    Path dir;

    @Test
    void serveOnAllInterfacesWithoutATokenIsRefusedBeforeAnythingLoads() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(Map.of(), dir);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("serve", "--host", "0.0.0.0", "--port", "0", "--notes",
                TestNotes.bundled().toString(), "--index", dir.resolve("index").toString());

        assertEquals(RootCommand.EXIT_USAGE, code, err.toString());
        assertTrue(err.toString().startsWith("error: --host 0.0.0.0 listens beyond this machine and no token is set"),
                err.toString());
        assertTrue(err.toString().contains("--insecure"), err.toString());
        assertFalse(Files.exists(dir.resolve("index")), "refused before the index was opened or anything embedded");
        assertEquals("", out.toString());
    }

    @Test
    void insecureServesOnAllInterfacesAndStillChecksTheHostName() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.copy(TestNotes.bundled().resolve("aif-c01-inference-parameters.md"),
                notes.resolve("aif-c01-inference-parameters.md"));
        AppConfig config = Settings.resolve(Map.of("ATN_HOST", "0.0.0.0", "ATN_PORT", "0", "ATN_INSECURE", "true",
                "ATN_ALLOWED_HOSTS", "notes.example.org"), dir, null)
                .withFolders(notes, dir.resolve("index"));
        try (NotesServer server = NotesServer.start(config, SyncListener.NONE)) {
            for (String host : new String[] {"127.0.0.1:" + server.port(), "notes.example.org:" + server.port(),
                    "NOTES.example.org.", "192.168.77.5:" + server.port()}) {
                RawHttp.Response ok = RawHttp.send(server.port(), "GET /api/health HTTP/1.1\r\nHost: " + host, null);
                assertEquals(200, ok.status(), host + ": " + ok.body());
            }
            RawHttp.Response evil = RawHttp.send(server.port(), "GET /api/health HTTP/1.1\r\nHost: rebind.example",
                    null);
            assertEquals(403, evil.status(), evil.body());
            RawHttp.Response reindex = RawHttp.send(server.port(), "POST /api/reindex HTTP/1.1\r\nHost: 127.0.0.1",
                    new byte[0]);
            assertEquals(200, reindex.status(), "--insecure leaves reindex open, as the warning says: "
                    + reindex.body());
        }
    }
}
