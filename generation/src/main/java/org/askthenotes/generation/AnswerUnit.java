package org.askthenotes.generation;

import java.util.List;
import java.util.Set;
import org.askthenotes.ingest.Language;

/**
 * A piece of a source the extractive answerer may quote whole: one sentence of a paragraph, a list with the
 * sentence that leads into it, or one table row with its header.
 *
 * @param source    the source's number in the answer's [n] markers
 * @param position  order within the source, so neighbours can be found and quoted in reading order
 * @param paragraph which paragraph a sentence belongs to (-1 for lists and rows), so a quote can go on in it
 * @param leadIn    the sentence introducing a list ("" when none); for other kinds ""
 * @param lines     the text to quote: one sentence, or the list items / the row as Markdown bullets
 * @param opening   true for a sentence whose subject is the question's topic ("A negative prompt tells …")
 */
record AnswerUnit(int source, int position, int paragraph, Kind kind, Language language, String leadIn,
                  List<String> lines, Set<String> terms, boolean opening) {

    enum Kind { SENTENCE, LIST, ROW }

    AnswerUnit {
        lines = List.copyOf(lines);
    }

    /** The whole text, for embedding and term matching. */
    String text() {
        return leadIn.isEmpty() ? String.join("\n", lines) : leadIn + "\n" + String.join("\n", lines);
    }

    /** Length in words; two Han characters count as one word, about what a Chinese word is. */
    int words() {
        String text = text();
        long han = text.codePoints().filter(Language::isCjk).count();
        String latin = text.codePoints().filter(c -> !Language.isCjk(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        long words = latin.isBlank() ? 0 : latin.strip().split("\\s+").length;
        return (int) (words + (han + 1) / 2);
    }

    boolean sameParagraph(AnswerUnit other) {
        return source == other.source && paragraph >= 0 && paragraph == other.paragraph;
    }
}
