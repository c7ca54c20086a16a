package org.askthenotes.ingest;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits an over-long block at the coarsest boundary that gives more than one piece: lines, then sentences
 * ({@link Sentences}), then words (each Han character
 * counting as a word), then characters. Pieces keep their whitespace, so joined they give back the block.
 */
final class TextSplitter {

    private TextSplitter() {
    }

    static List<String> split(String text) {
        List<String> pieces = lines(text);
        if (pieces.size() > 1) {
            return pieces;
        }
        pieces = sentences(text);
        if (pieces.size() > 1) {
            return pieces;
        }
        pieces = words(text);
        if (pieces.size() > 1) {
            return pieces;
        }
        return characters(text);
    }

    static List<String> lines(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            pieces.add(text.substring(start, i + 1));
            start = i + 1;
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }

    /** Only called on a single line: {@link #lines} came first. */
    static List<String> sentences(String text) {
        return Sentences.pieces(text);
    }

    /** Words with their trailing spaces; a run of Han characters falls apart into single characters. */
    static List<String> words(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        boolean afterCjk = false;
        boolean afterSpace = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean cjk = Language.isCjk(c);
            boolean space = Character.isWhitespace(c);
            if (piece.length() > 0 && !space && (cjk || afterCjk || afterSpace)) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            piece.appendCodePoint(c);
            afterCjk = cjk;
            afterSpace = space;
        }
        if (piece.length() > 0) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    static List<String> characters(String text) {
        return breaks(BreakIterator.getCharacterInstance(Locale.ROOT), text);
    }

    private static List<String> breaks(BreakIterator iterator, String text) {
        iterator.setText(text);
        List<String> pieces = new ArrayList<>();
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            pieces.add(text.substring(start, end));
        }
        return pieces;
    }
}
