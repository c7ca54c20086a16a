package org.askthenotes.app.chaos;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.askthenotes.ingest.NotesIngestor;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.NotesIndex;

/**
 * {@code serve} in a child JVM on loopback, over a copy of the bundled notes plus three hostile notes: a bounded
 * number of searches, answers, stats and health requests at a fixed concurrency while a thread edits notes every
 * second and calls reindex every ten. Every response must be a 200; afterwards health must be ok, the problems
 * must carry no absolute path or exception name, and the index must equal a clean ingest of the folder.
 */
final class LoadRun {
    private static final List<String> QUESTIONS = List.of("What does SageMaker Clarify detect?",
            "bedrock guardrails", "How do knowledge bases work?", "向量資料庫是什麼？", "prompt engineering",
            "responsible AI fairness", "What is a foundation model?", "zebra crossing");

    /** Requests, errors among them, edits, reindex calls and their errors, failed checks, wall time. */
    record Result(int requests, int errors, int edits, int reindexes, int reindexErrors, int failures,
                  long millis) {
    }

    private final Path work;
    private final Embedder embedder;
    private final NotesIngestor ingestor;
    private final Random random;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger errors = new AtomicInteger();
    private int failures;

    LoadRun(Path work, Embedder embedder, NotesIngestor ingestor, Random random, PrintWriter out) {
        this.work = work;
        this.embedder = embedder;
        this.ingestor = ingestor;
        this.random = random;
        this.out = out;
    }

    Result run(Path bundledNotes, int requests, int concurrency) throws IOException, InterruptedException {
        Path notes = work.resolve("notes");
        copy(bundledNotes, notes);
        Files.writeString(notes.resolve("quotebomb.md"), "# Q\n\ntext\n\n" + ">".repeat(5000) + " x\n");
        Files.writeString(notes.resolve("long-line.md"), "# Long\n\n" + "word ".repeat(210_000) + "\n");
        Files.writeString(notes.resolve("yaml-bomb.md"), "---\ntags: &a [x, *a]\n---\n# R\n\nbody\n");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        Process server = ChildJvm.start(work.resolve("serve.log"), "serve", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--notes", notes.toString(), "--index", work.resolve("index").toString());
        try {
            waitForHealth(server, base);
            out.printf("load: serve is up on %s%n", base);
            return load(server, base, notes, requests, concurrency);
        } finally {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    private Result load(Process server, String base, Path notes, int requests, int concurrency)
            throws IOException, InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger edits = new AtomicInteger();
        AtomicInteger reindexes = new AtomicInteger();
        AtomicInteger reindexErrors = new AtomicInteger();
        Thread editor = new Thread(() -> edit(base, notes, running, edits, reindexes, reindexErrors), "chaos-editor");
        long start = System.nanoTime();
        editor.start();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        for (int c = 0; c < concurrency; c++) {
            clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    request(base, i);
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(2, TimeUnit.HOURS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        running.set(false);
        editor.join();
        expect(post(base + "/api/reindex"), "the final reindex");
        HttpResponse<String> health = get(base + "/api/health");
        if (health.statusCode() != 200 || !health.body().contains("\"ok\"")) {
            fail("health after the run: " + health.body());
        }
        String stats = get(base + "/api/stats").body();
        if (stats.contains(work.toAbsolutePath().toString()) || stats.matches("(?s).*\\b\\w+(Exception|Error)\\b.*")) {
            fail("/api/stats leaks a path or an exception name");
        }
        server.destroy();
        server.waitFor(60, TimeUnit.SECONDS);
        try (NotesIndex index = NotesIndex.open(work.resolve("index"), embedder)) {
            if (!index.contents().equals(ChaosNotes.contents(ingestor.ingest(notes)))) {
                fail("the index after the load run differs from a clean ingest of the folder");
            }
        }
        out.printf("load: %d requests at concurrency %d in %d ms, %d errors; %d edits, %d reindexes (%d errors)%n",
                requests, concurrency, millis, errors.get(), edits.get(), reindexes.get(), reindexErrors.get());
        return new Result(requests, errors.get(), edits.get(), reindexes.get(), reindexErrors.get(), failures,
                millis);
    }

    private void request(String base, int i) {
        String question = QUESTIONS.get(i % QUESTIONS.size());
        String q = URLEncoder.encode(question, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = switch (i % 10) {
                case 6 -> get(base + "/api/stats");
                case 7 -> get(base + "/api/health");
                case 8, 9 -> http.send(HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                        .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"" + question + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                default -> get(base + "/api/search?k=5&q=" + q);
            };
            if (response.statusCode() != 200 && errors.incrementAndGet() <= 5) {
                out.printf("  error: request %d got %d: %s%n", i, response.statusCode(), response.body());
            }
        } catch (IOException | RuntimeException e) {
            if (errors.incrementAndGet() <= 5) {
                out.printf("  error: request %d failed: %s%n", i, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A note edited (or created, or deleted) every second, a reindex every ten. */
    private void edit(String base, Path notes, AtomicBoolean running, AtomicInteger edits, AtomicInteger reindexes,
                      AtomicInteger reindexErrors) {
        try {
            Files.createDirectories(notes.resolve("chaos"));
            while (running.get()) {
                int n = edits.incrementAndGet();
                Path note = notes.resolve("chaos/edit-" + (n % 5) + ".md");
                if (n % 7 == 0) {
                    Files.deleteIfExists(note);
                } else {
                    Files.writeString(note, "# Edit " + n + "\n\nEdit number " + n + " mentions zebra crossing "
                            + random.nextInt(1000) + ".\n");
                }
                if (n % 10 == 0) {
                    reindexes.incrementAndGet();
                    if (post(base + "/api/reindex").statusCode() != 200) {
                        reindexErrors.incrementAndGet();
                    }
                }
                Thread.sleep(1_000);
            }
        } catch (IOException e) {
            fail("the editor failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitForHealth(Process server, String base) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IOException("serve exited " + server.exitValue() + " before it answered: see serve.log");
            }
            try {
                if (get(base + "/api/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet: the start-up sync is still running
            }
            Thread.sleep(1_000);
        }
        throw new IOException("serve did not answer within 20 minutes");
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void expect(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            fail(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private synchronized void fail(String message) {
        out.println("  FAIL " + message);
        failures++;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
