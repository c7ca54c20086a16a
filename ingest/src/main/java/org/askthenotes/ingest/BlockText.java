package org.askthenotes.ingest;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The readable text of one Markdown block: inline markup rendered to HTML by commonmark and reduced to its text
 * by {@link HtmlText} (links keep their text, images their alt text, inline HTML its words), code kept verbatim
 * in a fence, lists as "- item" lines, tables as "cell | cell" rows.
 */
final class BlockText {

    private final HtmlRenderer renderer;

    BlockText(List<Extension> extensions) {
        this.renderer = HtmlRenderer.builder().extensions(extensions).build();
    }

    /** Inline content of a paragraph, heading or cell; one line per source line. */
    String inline(Node container) {
        StringBuilder html = new StringBuilder();
        for (Node child = container.getFirstChild(); child != null; child = child.getNext()) {
            html.append(renderer.render(child));
        }
        return HtmlText.of(html.toString());
    }

    /** A heading's text on one line. */
    String heading(Heading heading) {
        return String.join(" ", inline(heading).split("\n")).strip();
    }

    /** Any block as plain text; "" for blocks that carry no text (thematic breaks, empty HTML). */
    String of(Node block) {
        if (block instanceof Paragraph || block instanceof Heading) {
            return dropBlankLines(inline(block));
        } else if (block instanceof FencedCodeBlock code) {
            return fence(code.getInfo(), code.getLiteral());
        } else if (block instanceof IndentedCodeBlock code) {
            return fence("", code.getLiteral());
        } else if (block instanceof HtmlBlock html) {
            return dropBlankLines(HtmlText.of(html.getLiteral()));
        } else if (block instanceof ListBlock list) {
            List<String> lines = new ArrayList<>();
            list(list, "", lines);
            return String.join("\n", lines);
        } else if (block instanceof TableBlock table) {
            return table(table);
        } else if (block instanceof ThematicBreak) {
            return "";
        }
        // Block quotes and other containers: their children's text, one after another.
        List<String> parts = new ArrayList<>();
        for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
            String text = of(child);
            if (!text.isBlank()) {
                parts.add(text);
            }
        }
        return String.join("\n", parts);
    }

    private static String fence(String info, String literal) {
        String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        return "```" + (info == null ? "" : info.strip()) + "\n" + body + "\n```";
    }

    private void list(ListBlock list, String indent, List<String> lines) {
        int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                ? ordered.getMarkerStartNumber() : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String marker = list instanceof OrderedList ? (number++) + ". " : "- ";
            String prefix = indent + marker;
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof ListBlock nested) {
                    list(nested, indent + "  ", lines);
                    continue;
                }
                for (String line : of(child).split("\n")) {
                    if (!line.isBlank()) {
                        lines.add(prefix + line);
                        prefix = indent + " ".repeat(marker.length());
                    }
                }
            }
        }
    }

    private String table(TableBlock table) {
        List<String> rows = new ArrayList<>();
        table.accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.CustomNode node) {
                if (node instanceof TableRow row) {
                    List<String> cells = new ArrayList<>();
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        if (cell instanceof TableCell) {
                            cells.add(String.join(" ", inline(cell).split("\n")).strip());
                        }
                    }
                    rows.add(String.join(" | ", cells));
                } else {
                    visitChildren(node);
                }
            }
        });
        return String.join("\n", rows);
    }

    private static String dropBlankLines(String text) {
        return String.join("\n", text.lines().filter(line -> !line.isBlank()).toList());
    }
}
