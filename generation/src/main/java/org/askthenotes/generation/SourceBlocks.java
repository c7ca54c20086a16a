package org.askthenotes.generation;

import java.util.List;
import java.util.regex.Pattern;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.retrieval.Hit;

/**
 * Renders retrieved chunks as numbered, delimited blocks: {@code <source id="1" note="Title › Heading">…</source>}.
 * Note text is data: anything in it that looks like our delimiters or section headings is neutralised so it
 * cannot close its block early or start a section of its own.
 */
final class SourceBlocks {
    /** Keeps a prompt within a small model's window even when a chunk is huge. */
    static final int MAX_SOURCE_CHARS = 4000;

    private static final Pattern SOURCE_TAG = Pattern.compile("<(\\s*/?\\s*source)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION_HEADING = Pattern.compile(
            "(?im)^(\\s*)(#{1,6})(?=\\s*(instructions|context|input data|output indicator)\\b)");

    private SourceBlocks() {
    }

    static String render(List<Hit> sources) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            Chunk chunk = sources.get(i).chunk();
            out.append("<source id=\"").append(i + 1).append("\" note=\"").append(attribute(chunk.breadcrumb()))
                    .append("\">\n")
                    .append(neutralise(PromptTemplate.abbreviate(chunk.text().strip(), MAX_SOURCE_CHARS)))
                    .append("\n</source>\n");
            if (i + 1 < sources.size()) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** "&lt;/source>" cannot close a block, and "\## Instructions" is no heading. */
    static String neutralise(String text) {
        String noTags = SOURCE_TAG.matcher(text).replaceAll("&lt;$1");
        return SECTION_HEADING.matcher(noTags).replaceAll("$1\\\\$2");
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("\\R", " ");
    }
}
