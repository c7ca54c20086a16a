package org.askthenotes.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class NoteRendererTest {
    private final NoteRenderer renderer = new NoteRenderer();

    @Test
    void frontMatterIsStrippedAndGivesTheTitle() {
        NoteRenderer.RenderedNote note = renderer.render("""
                ---
                title: LLM basics
                tags: [aws]
                ---
                # Intro

                Text.
                """);
        assertEquals("LLM basics", note.title());
        assertFalse(note.html().contains("tags:"), note.html());
        assertTrue(note.html().contains("<p>Text.</p>"), note.html());
    }

    @Test
    void headingsCarryAnchors() {
        Document doc = Jsoup.parse(renderer.render("# Prompt Engineering\n\n## What is RAG?\n").html());
        assertEquals("prompt-engineering", doc.selectFirst("h1").id());
        assertEquals("what-is-rag", doc.selectFirst("h2").id());
    }

    @Test
    void labelSpansSurviveButScriptsAndHandlersDoNot() {
        String html = renderer.render("""
                # Title

                A <span class="label label-primary">key term</span> here.

                <script>alert('x')</script>

                <img src="x" onerror="alert('y')">

                <a href="javascript:alert(1)">click</a>

                <div onclick="alert(2)" style="color:red">div</div>
                """).html();
        Document doc = Jsoup.parse(html);
        Element label = doc.selectFirst("span.label");
        assertEquals("key term", label.text());
        assertTrue(doc.select("script").isEmpty(), html);
        assertTrue(doc.select("[onerror], [onclick], [style]").isEmpty(), html);
        assertFalse(html.contains("javascript:"), html);
    }

    @Test
    void tablesRender() {
        String html = renderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n").html();
        assertTrue(Jsoup.parse(html).select("table td").size() == 2, html);
    }
}
