package org.askthenotes.ingest;

import java.util.regex.Pattern;

/**
 * The language of a piece of text: a note block, a question, an answer. This is the project's one rule for "is
 * this Chinese?": ingest tags passages with it, retrieval weighs its lists by it, the answerer picks the passages
 * to quote by it and the page labels the answer with it, so all of them agree on a mixed question.
 *
 * <p>The rule: the share of CJK characters among the letter units, where a Han character carries about as much as
 * a whole Latin word, so each run of other letters counts once. A gloss in parentheses does not decide: "What is
 * RAG (檢索增強生成)?" and an English paragraph naming "foundation models (基礎模型)" are English, "溫度（Temperature）
 * 控制隨機性" is Chinese, and a Chinese sentence naming "Amazon Bedrock" and an API stays Chinese.
 */
public enum Language {
    ENGLISH("en"),
    CHINESE("zh");

    /** At or above this share of CJK characters among the letter units, a text is Chinese. */
    static final double CHINESE_SHARE = 0.4;
    /** "(...)" or "（...）" without nested parentheses: a gloss of the words before it. */
    private static final Pattern GLOSS = Pattern.compile("[(（][^()（）]*[)）]");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** A short, stable code for storage, filters and the page's lang attribute ("en", "zh"). */
    public String code() {
        return code;
    }

    public static Language fromCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language code: " + code);
    }

    /** The language of any text; ENGLISH when it has no letters at all. */
    public static Language of(String text) {
        String outside = GLOSS.matcher(text).replaceAll(" ");
        String decisive = hasLetters(outside) ? outside : text;
        return cjkShare(decisive) >= CHINESE_SHARE ? CHINESE : ENGLISH;
    }

    /** True when the text has any letter or CJK character, i.e. when {@link #of} has something to go by. */
    public static boolean hasLetters(String text) {
        return text.codePoints().anyMatch(c -> isCjk(c) || Character.isLetter(c));
    }

    /** Han ideographs and the CJK punctuation, full-width forms and Bopomofo that only Chinese text uses. */
    public static boolean isCjk(int c) {
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.BOPOMOFO
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS;
    }

    static double cjkShare(String text) {
        int cjk = 0;
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isCjk(c)) {
                cjk++;
                inWord = false;
            } else if (Character.isLetter(c)) {
                if (!inWord) {
                    words++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return cjk + words == 0 ? 0 : (double) cjk / (cjk + words);
    }
}
