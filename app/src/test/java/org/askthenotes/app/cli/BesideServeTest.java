package org.askthenotes.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.askthenotes.app.Main;
import org.askthenotes.app.NotesServer;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.config.Settings;
import org.askthenotes.retrieval.SyncListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A real serve on loopback holds the index; ask reads it meanwhile, and ingest points at the server's reindex. */
class BesideServeTest {
    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void askReadsTheIndexServeHoldsAndIngestSaysHowToReindex() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("rag.md"), """
                # Retrieval-augmented generation

                Retrieval-augmented generation (RAG) answers a question in two steps: it retrieves passages from
                a knowledge base, then a model writes the answer from them.
                """);
        int port = freePort();
        Map<String, String> env = Map.of("ATN_NOTES", notes.toString(), "ATN_INDEX", dir.resolve("index").toString(),
                "ATN_PORT", String.valueOf(port), "ATN_REINDEX_TOKEN", "s3cret");
        AppConfig config = Settings.resolve(env, dir, null);
        try (NotesServer server = NotesServer.start(config, SyncListener.NONE)) {
            Run ask = run(env, "ask", "What does retrieval-augmented generation do?");
            assertEquals(0, ask.exitCode(), ask.err());
            assertTrue(ask.err().contains("is in use by another process (a running serve?); reading its last sync"),
                    ask.err());
            assertTrue(ask.out().contains("Sources:\n[1] rag.md#retrieval-augmented-generation"), ask.out());

            Run ingest = run(env, "ingest");
            assertEquals(1, ingest.exitCode(), ingest.err());
            String curl = "curl -X POST http://127.0.0.1:" + port + "/api/reindex -H \"Authorization: Bearer "
                    + "$ATN_REINDEX_TOKEN\"";
            assertTrue(ingest.err().contains("most likely a running serve") && ingest.err().contains(curl),
                    ingest.err());

            // the route the message names does the sync
            HttpResponse<String> reindex = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/api/reindex"))
                    .header("Authorization", "Bearer s3cret").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reindex.statusCode(), reindex.body());
        }
        Run alone = run(Map.of("ATN_NOTES", notes.toString(), "ATN_INDEX", dir.resolve("index").toString()),
                "ask", "What does retrieval-augmented generation do?");
        assertEquals(0, alone.exitCode(), alone.err());
        assertTrue(!alone.err().contains("in use"), "without serve, ask syncs and writes as before: " + alone.err());
    }

    private Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(env, dir);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
