package org.askthenotes.ingest;

/**
 * Tags a block ENGLISH or CHINESE by the share of CJK characters in it. A Han character carries about as much as
 * a whole Latin word, so each run of other letters counts once: an English paragraph with a Chinese term in
 * parentheses stays English, and a Chinese sentence naming "Amazon Bedrock" and an API stays Chinese.
 */
final class LanguageDetector {

    /** At or above this share of CJK characters among the letter units, a block is Chinese. */
    static final double CHINESE_SHARE = 0.4;

    private LanguageDetector() {
    }

    static Language detect(String text) {
        double share = cjkShare(text);
        return share >= CHINESE_SHARE ? Language.CHINESE : Language.ENGLISH;
    }

    /** True when the text has any letter or CJK character, i.e. when {@link #detect} has something to go by. */
    static boolean hasLetters(String text) {
        return text.codePoints().anyMatch(c -> isCjk(c) || Character.isLetter(c));
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

    static boolean isCjk(int c) {
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.BOPOMOFO
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS;
    }
}
