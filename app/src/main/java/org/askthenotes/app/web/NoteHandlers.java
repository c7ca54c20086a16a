package org.askthenotes.app.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import org.askthenotes.ingest.NoteLoader;
import org.jsoup.nodes.Entities;

/**
 * GET /api/notes/{path} (JSON with the HTML) and /notes/{path} (a page to open at an anchor). A note is shown
 * under the rules ingest reads it by ({@link NoteLoader}): what ingest skips, the view refuses, in the same words.
 */
final class NoteHandlers {
    private final NotePaths paths;
    private final NoteLoader loader;
    private final NoteRenderer renderer;

    NoteHandlers(NotePaths paths, NoteLoader loader, NoteRenderer renderer) {
        this.paths = paths;
        this.loader = loader;
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

    /** 404 for what is no note (hidden, excluded), 422 for a note ingest could not read either. */
    private NoteRenderer.RenderedNote render(String relative) throws IOException {
        paths.resolve(relative);
        NoteLoader.Loaded loaded = loader.load(paths.root(), relative);
        if (loaded.notANote()) {
            throw ApiException.notFound("no note '" + NotePaths.printable(relative) + "': "
                    + loaded.problem().reason());
        }
        if (loaded.problem() != null) {
            throw new ApiException(422, "note '" + NotePaths.printable(relative) + "' cannot be shown: "
                    + loaded.problem().reason());
        }
        try {
            NoteRenderer.RenderedNote note = renderer.render(loaded.text());
            return new NoteRenderer.RenderedNote(note.title(), NoteImages.link(note.html(), relative));
        } catch (StackOverflowError e) {
            // commonmark and jsoup recurse per nesting level; thousands of nested quotes or lists exhaust the stack.
            throw new ApiException(422, "note '" + NotePaths.printable(relative)
                    + "' cannot be shown: its quotes or lists are nested too deeply to render");
        }
    }
}
