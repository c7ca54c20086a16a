package org.askthenotes.generation;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences on English (. ! ?) and CJK (。！？) terminal punctuation and on line breaks.
 * Citation markers right after the punctuation ("... data. [1]") stay with the sentence they follow.
 */
final class Sentences {
    private Sentences() {
    }

    static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String line : text.split("\\R")) {
            splitLine(line, sentences);
        }
        return sentences;
    }

    /** True when the text holds any CJK ideograph: such a question is answered from Chinese passages. */
    static boolean hasCjk(String text) {
        return text.codePoints().anyMatch(Sentences::isCjk);
    }

    /** True when ideographs make up a good part of the letters: "溫度（Temperature）在抽樣前…" is Chinese. */
    static boolean isChinese(String sentence) {
        long han = sentence.codePoints().filter(Sentences::isCjk).count();
        long letters = sentence.codePoints().filter(Character::isLetter).count();
        return han > 0 && han >= 0.3 * letters;
    }

    static boolean isCjk(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private static void splitLine(String line, List<String> out) {
        int start = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            boolean cjkEnd = c == '。' || c == '！' || c == '？';
            boolean latinEnd = (c == '.' || c == '!' || c == '?') && endsLatinSentence(line, i);
            i++;
            if (cjkEnd || latinEnd) {
                i = skipTrailingMarkers(line, i);
                add(line.substring(start, i), out);
                start = i;
            }
        }
        add(line.substring(start), out);
    }

    /** A Latin full stop ends a sentence only before whitespace or the end, so "3.5" and "e.g." mid-word stay whole. */
    private static boolean endsLatinSentence(String line, int i) {
        return i + 1 >= line.length() || Character.isWhitespace(line.charAt(i + 1))
                || line.charAt(i + 1) == '[' || line.charAt(i + 1) == '"' || line.charAt(i + 1) == ')';
    }

    private static int skipTrailingMarkers(String line, int i) {
        int j = i;
        while (true) {
            int k = j;
            while (k < line.length() && line.charAt(k) == ' ') {
                k++;
            }
            if (k < line.length() && line.charAt(k) == '[') {
                int close = line.indexOf(']', k);
                if (close > k + 1 && line.substring(k + 1, close).matches("\\d+(\\s*,\\s*\\d+)*")) {
                    j = close + 1;
                    continue;
                }
            }
            return j;
        }
    }

    private static void add(String sentence, List<String> out) {
        String trimmed = sentence.strip();
        if (!trimmed.isEmpty()) {
            out.add(trimmed);
        }
    }
}
