package org.askthenotes.ingest;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's one sentence splitter: ingest splits over-long blocks with it, the answerer picks sentences with
 * it and the citation and grounding checks read answers with it. Line breaks always end a sentence (list items,
 * table rows and the English/Chinese halves of a bilingual paragraph are lines); within a line the JDK's sentence
 * rules end sentences at English . ! ? (not inside "e.g. the" or "3.5") and at CJK 。！？. Citation markers after
 * the punctuation ("... data. [1]") stay with the sentence they follow.
 */
public final class Sentences {
    /** Terminal punctuation followed by citation markers: a sentence ends after the markers. */
    private static final Pattern MARKED_END = Pattern.compile("[.!?。！？](?:\\s*\\[\\d+(?:\\s*,\\s*\\d+)*])+");
    private static final Pattern TRAILING_MARKERS = Pattern.compile("(?:\\s*\\[\\d+(?:\\s*,\\s*\\d+)*])+$");
    private static final Pattern LEADING_MARKERS = Pattern.compile("^(?:\\s*\\[\\d+(?:\\s*,\\s*\\d+)*])+");

    private Sentences() {
    }

    /** The sentences of a text, stripped, none empty. */
    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String line : text.split("\\R")) {
            int lineStart = sentences.size();
            for (String piece : pieces(line)) {
                String stripped = piece.strip();
                boolean continues = sentences.size() > lineStart && !stripped.isEmpty()
                        && Character.isLowerCase(stripped.codePointAt(0))
                        && !endsWithCjkStop(sentences.get(sentences.size() - 1));
                if (continues) {
                    // "(is it supported?) and a relevance score": a stop inside parentheses ends no sentence;
                    // a CJK stop always does ("…如何分佈。top-k 為 50 時").
                    sentences.set(sentences.size() - 1, sentences.get(sentences.size() - 1) + " " + stripped);
                } else {
                    add(piece, sentences);
                }
            }
        }
        return sentences;
    }

    /** "…分佈。" or "…分佈。[2]". */
    private static boolean endsWithCjkStop(String sentence) {
        String bare = TRAILING_MARKERS.matcher(sentence).replaceFirst("");
        return !bare.isEmpty() && "。！？".indexOf(bare.charAt(bare.length() - 1)) >= 0;
    }

    /** A line's sentences with their whitespace, so joined they give back the line. */
    static List<String> pieces(String line) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
        iterator.setText(line);
        List<String> pieces = new ArrayList<>();
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            splitAfterMarkers(line.substring(start, end), pieces);
        }
        return pieces;
    }

    /** The JDK does not end a sentence before "[": "Done. [2] Next" is two sentences, the marker with the first. */
    private static void splitAfterMarkers(String piece, List<String> out) {
        Matcher end = MARKED_END.matcher(piece);
        int start = 0;
        while (end.find()) {
            if (!piece.substring(end.end()).isBlank()) {
                out.add(piece.substring(start, end.end()));
                start = end.end();
            }
        }
        out.add(piece.substring(start));
    }

    private static void add(String piece, List<String> out) {
        String sentence = piece.strip();
        Matcher markers = LEADING_MARKERS.matcher(sentence);
        if (!out.isEmpty() && markers.find()) {
            String previous = out.get(out.size() - 1);
            String space = Language.isCjk(previous.codePointBefore(previous.length())) ? "" : " ";
            out.set(out.size() - 1, previous + space + markers.group().strip());
            sentence = sentence.substring(markers.end()).strip();
        }
        if (!sentence.isEmpty()) {
            out.add(sentence);
        }
    }
}
