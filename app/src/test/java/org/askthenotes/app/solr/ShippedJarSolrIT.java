package org.askthenotes.app.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.askthenotes.solrcluster.SolrTestClusterProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar (Javalin on Jetty 12) serving /api/ask from a SolrCloud collection: the cluster (Solr 9, Jetty 10)
 * runs in one child JVM, {@code java -jar ask-the-notes.jar serve --backend solr} in another. Runs after
 * {@code package} (the integration-test phase), when the jar exists.
 */
class ShippedJarSolrIT {
    @TempDir
    Path temp;

    @Test
    void theShippedJarServesAnswersFromSolr() throws Exception {
        Path jar = Path.of(System.getProperty("atn.jar", "target/ask-the-notes.jar"));
        assertTrue(Files.isRegularFile(jar), "no jar at " + jar + ": this test runs after package");
        SolrTestClusterProcess cluster = SolrTestClusterProcess.shared();
        Path notes = Files.createDirectories(temp.resolve("notes"));
        Path bundled = Path.of(System.getProperty("atn.repoRoot", "..")).resolve("docs/notes");
        try (var files = Files.list(bundled)) {
            for (Path note : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                Files.copy(note, notes.resolve(note.getFileName().toString()));
            }
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = temp.resolve("serve.log");
        Process serve = new ProcessBuilder(java, "-Xmx2g", "-jar", jar.toAbsolutePath().toString(), "serve",
                "--backend", "solr", "--solr-url", String.join(",", cluster.nodeUrls()),
                "--solr-collection", "shipped", "--notes", notes.toString(), "--index", temp.resolve("index").toString(),
                "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            awaitHealthy(http, port, serve, log);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/ask"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"What does top-p control?\", \"k\": 3}"))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode answer = new ObjectMapper().readTree(response.body());
            assertFalse(answer.get("abstained").asBoolean(), response.body());
            assertTrue(answer.get("answer").asText().toLowerCase().contains("top-p"), response.body());
            assertTrue(answer.get("citations").get(0).toString().contains("aif-c01-inference-parameters.md"),
                    response.body());
        } finally {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    /** The server syncs the notes into the collection before it listens; /api/health then answers 200. */
    private static void awaitHealthy(HttpClient http, int port, Process serve, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            if (!serve.isAlive()) {
                throw new AssertionError("serve exited (" + serve.exitValue() + "): " + Files.readString(log));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("serve did not become healthy in 4 minutes: " + Files.readString(log));
    }
}
