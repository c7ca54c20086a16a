package org.askthenotes.app.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.askthenotes.ingest.NoteMarkdown;
import org.commonmark.Extension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Renders one note to safe HTML: front matter stripped, headings carrying the same anchors chunks cite,
 * and the note's own HTML cut down to a safelist, so no script from a note can ever run in the page.
 */
public final class NoteRenderer {
    /** The notes' own set-up, and heading ids made as ingest makes the anchors that chunks cite. */
    private static final List<Extension> EXTENSIONS = Stream.concat(
            NoteMarkdown.extensions().stream(), Stream.of(HeadingAnchorExtension.create())).toList();

    /** The notes' own markup (label spans, tables, code) survives; scripts, handlers and styles do not. */
    private static final Safelist SAFELIST = Safelist.relaxed()
            .addAttributes("span", "class")
            .addAttributes("code", "class")
            .addAttributes("h1", "id").addAttributes("h2", "id").addAttributes("h3", "id")
            .addAttributes("h4", "id").addAttributes("h5", "id").addAttributes("h6", "id")
            .addAttributes("th", "align").addAttributes("td", "align")
            .addAttributes("a", "id")
            .addProtocols("a", "href", "#")
            .preserveRelativeLinks(true);

    private final Parser parser = NoteMarkdown.parser().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    /** The title from front matter ("" when absent) and the body as sanitized HTML. */
    public RenderedNote render(String markdown) {
        Node document = parser.parse(markdown);
        YamlFrontMatterVisitor frontMatter = new YamlFrontMatterVisitor();
        document.accept(frontMatter);
        String html = renderer.render(document);
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        // The base URI only lets relative links (images next to a note) through the safelist; it is never output.
        String safe = Jsoup.clean(html, "http://notes.invalid/", SAFELIST, output);
        return new RenderedNote(title(frontMatter.getData()), safe);
    }

    private static String title(Map<String, List<String>> data) {
        List<String> title = data.get("title");
        return title == null || title.isEmpty() ? "" : title.get(0);
    }

    public record RenderedNote(String title, String html) {
    }
}
