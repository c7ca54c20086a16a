package org.askthenotes.app.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.askthenotes.app.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Note pages show the notes' own images, served from inside the notes folder and nowhere else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoteImagesTest {
    /** A real 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    Path dir;
    TestServer server;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.createDirectories(notes.resolve("guide/img"));
        Files.createDirectories(notes.resolve(".hidden"));
        Files.writeString(notes.resolve("guide/rag.md"), """
                # How RAG works

                ![flow](img/flow.png) ![top](../top.png) ![chart](img/my%20chart.png)
                ![remote](https://example.com/x.png) ![escape](../../secret.png)
                """);
        Files.write(notes.resolve("guide/img/flow.png"), PNG);
        Files.write(notes.resolve("guide/img/my chart.png"), PNG);
        Files.write(notes.resolve("top.png"), PNG);
        Files.write(notes.resolve(".hidden/x.png"), PNG);
        Files.write(dir.resolve("secret.png"), "outside the notes".getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(notes.resolve("guide/img/link.png"), dir.resolve("secret.png"));
        server = new TestServer(notes, dir.resolve("index"), Map.of());
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
    }

    @Test
    void theNotePagePointsRelativeImagesAtTheImageRoute() throws Exception {
        String page = server.get("/notes/guide/rag.md").body();
        assertTrue(page.contains("src=\"/note-files/guide/img/flow.png\""), page);
        assertTrue(page.contains("src=\"/note-files/top.png\""), page);
        assertTrue(page.contains("src=\"/note-files/guide/img/my%20chart.png\""), page);
        assertTrue(page.contains("src=\"https://example.com/x.png\""), page);
        assertTrue(page.contains("src=\"../../secret.png\""), "a link out of the notes is left alone: " + page);
        String json = server.get("/api/notes/guide/rag.md").body();
        assertTrue(json.contains("/note-files/guide/img/flow.png"), json);
    }

    @Test
    void imagesInsideTheNotesFolderAreServed() throws Exception {
        for (String path : new String[] {"/note-files/guide/img/flow.png", "/note-files/top.png",
                "/note-files/guide/img/my%20chart.png"}) {
            HttpResponse<byte[]> image = getBytes(path);
            assertEquals(200, image.statusCode(), path);
            assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""), path);
            assertArrayEquals(PNG, image.body(), path);
        }
    }

    @Test
    void nothingOutsideTheFolderNorHiddenNorANoteIsServed() throws Exception {
        assertEquals(404, getBytes("/note-files/guide/img/link.png").statusCode(), "a symlink out");
        assertEquals(400, getBytes("/note-files/.hidden/x.png").statusCode(), "a hidden folder");
        assertEquals(404, getBytes("/note-files/guide/img/none.png").statusCode(), "absent");
        HttpResponse<String> note = server.get("/note-files/guide/rag.md");
        assertEquals(400, note.statusCode());
        assertTrue(note.body().contains("only images (gif, jpeg, jpg, png, svg, webp) are served"), note.body());
        for (String escape : new String[] {"/note-files/..%2Fsecret.png", "/note-files/guide/..%2F..%2Fsecret.png",
                "/note-files/%2e%2e/secret.png", "/note-files/guide%5C..%5C..%5Csecret.png"}) {
            HttpResponse<byte[]> response = getBytes(escape);
            assertNotEquals(200, response.statusCode(), escape);
            assertTrue(!new String(response.body(), StandardCharsets.UTF_8).contains("outside the notes"), escape);
        }
    }

    @Test
    void relativeSourcesResolveAgainstTheNotesFolder() {
        assertEquals("/note-files/a/b/c.png", NoteImages.resolveAgainst("a/b/n.md", "./c.png"));
        assertEquals("/note-files/%E5%9C%96.png", NoteImages.resolveAgainst("a/n.md", "../圖.png"));
        assertNull(NoteImages.resolveAgainst("n.md", "../up.png"));
        assertNull(NoteImages.resolveAgainst("n.md", "data:image/png;base64,AAAA"));
        assertNull(NoteImages.resolveAgainst("n.md", "/abs.png"));
    }

    private HttpResponse<byte[]> getBytes(String rawPath) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + rawPath)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
