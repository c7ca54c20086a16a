package org.askthenotes.app.eval;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a text states a golden fact: one of the fact's alternative strings occurs in it (docs/eval/README.md).
 *
 * <p>Both sides are normalised first: citation markers such as {@code [1]} or {@code [1, 2]} and Markdown emphasis
 * ({@code * _ `}) are removed, whitespace runs become one space, and case is folded. An alternative whose first or
 * last character is a letter or digit of a spaced script must not continue a word at that edge, so "RAG" does not
 * match "storage" and "cap" does not match "capacity" (a plural needs its own alternative). Chinese and Japanese
 * have no word spaces, so a CJK alternative matches wherever it occurs.
 */
public final class FactMatcher {

    private static final Pattern CITATION = Pattern.compile("\\s*\\[\\d+(?:\\s*,\\s*\\d+)*]");
    private static final Pattern EMPHASIS = Pattern.compile("[*_`]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private FactMatcher() {
    }

    public static String normalise(String text) {
        String plain = EMPHASIS.matcher(CITATION.matcher(text).replaceAll("")).replaceAll("");
        return SPACES.matcher(plain).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /** True when any alternative of {@code fact} occurs in {@code text}. */
    public static boolean states(String text, List<String> fact) {
        String normalised = normalise(text);
        return fact.stream().anyMatch(alternative -> occurs(normalised, normalise(alternative)));
    }

    /** {@code alternative} in {@code text}, both already normalised, not glued to a word at a spaced-script edge. */
    static boolean occurs(String text, String alternative) {
        if (alternative.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(alternative); at >= 0; at = text.indexOf(alternative, at + 1)) {
            int end = at + alternative.length();
            boolean startFree = at == 0 || !(spacedWordChar(alternative.codePointAt(0))
                    && spacedWordChar(text.codePointBefore(at)));
            boolean endFree = end == text.length() || !(spacedWordChar(alternative.codePointBefore(alternative.length()))
                    && spacedWordChar(text.codePointAt(end)));
            if (startFree && endFree) {
                return true;
            }
        }
        return false;
    }

    /** A letter or digit of a script that separates words with spaces (Latin, Greek, Cyrillic...). */
    private static boolean spacedWordChar(int codePoint) {
        if (!Character.isLetterOrDigit(codePoint)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
                && script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.HANGUL
                && script != Character.UnicodeScript.THAI;
    }
}
