package org.askthenotes.ingest;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Reduces HTML to the words a reader sees: tags dropped with their text kept
 * ({@code <span class="label label-danger">x</span>} keeps "x"), images become their alt text, comments and
 * scripts vanish. Line breaks in the source text survive so callers can map lines back to the file.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "li", "ul", "ol", "tr", "table", "thead", "tbody", "h1", "h2", "h3", "h4", "h5", "h6",
            "pre", "blockquote", "section", "article", "details", "summary", "dl", "dt", "dd", "hr", "figure",
            "figcaption");
    private static final Set<String> HIDDEN = Set.of("script", "style", "template", "head", "title");

    private HtmlText() {
    }

    /** The visible text, one output line per source line or HTML block; lines trimmed, spaces collapsed. */
    static String of(String html) {
        StringBuilder out = new StringBuilder();
        Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text && !insideHidden(text)) {
                    out.append(text.getWholeText());
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("img")) {
                        out.append(' ').append(element.attr("alt")).append(' ');
                    } else if (tag.equals("br") || BLOCKS.contains(tag)) {
                        out.append('\n');
                    } else if (tag.equals("td") || tag.equals("th")) {
                        out.append(" | ");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    out.append('\n');
                }
            }
        });
        return normalize(out.toString());
    }

    private static boolean insideHidden(TextNode text) {
        for (Element parent = text.parentElement(); parent != null; parent = parent.parent()) {
            if (HIDDEN.contains(parent.normalName())) {
                return true;
            }
        }
        return false;
    }

    /** Collapses spaces within lines and trims each line, keeping line positions (blank lines stay, empty). */
    static String normalize(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(lines[i].replaceAll("[\\s\\u00A0\\u3000&&[^\\n]]+", " ").strip());
        }
        return out.toString();
    }
}
