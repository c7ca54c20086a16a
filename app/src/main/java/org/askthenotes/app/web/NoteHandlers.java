package org.askthenotes.app.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.nodes.Entities;

/** GET /api/notes/{path} (JSON with the HTML) and /notes/{path} (a page to open at an anchor). */
final class NoteHandlers {
    private final NotePaths paths;
    private final NoteRenderer renderer;

    NoteHandlers(NotePaths paths, NoteRenderer renderer) {
        this.paths = paths;
        this.renderer = renderer;
    }

    void noteJson(Context ctx) throws IOException {
        String path = ctx.pathParam("path");
        NoteRenderer.RenderedNote note = render(path);
        ctx.json(Map.of("path", path, "title", note.title(), "html", note.html()));
    }

    void notePage(Context ctx) throws IOException {
        String path = ctx.pathParam("path");
        NoteRenderer.RenderedNote note = render(path);
        String title = Entities.escape(note.title().isEmpty() ? path : note.title());
        ctx.contentType("text/html; charset=utf-8").result("""
                <!doctype html>
                <html lang="zh-Hant">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Ask the notes</title>
                <link rel="stylesheet" href="/style.css">
                </head>
                <body class="note-page">
                <header class="topbar"><a class="brand" href="/">Ask the notes</a><span class="note-path">%s</span></header>
                <main class="note-view"><article id="note" class="note">
                <h1 class="note-title">%s</h1>
                %s
                </article></main>
                </body>
                </html>
                """.formatted(title, Entities.escape(path), title, note.html()));
    }

    private NoteRenderer.RenderedNote render(String relative) throws IOException {
        Path file = paths.resolve(relative);
        NoteRenderer.RenderedNote note = renderer.render(Files.readString(file, StandardCharsets.UTF_8));
        return new NoteRenderer.RenderedNote(note.title(), NoteImages.link(note.html(), relative));
    }
}
