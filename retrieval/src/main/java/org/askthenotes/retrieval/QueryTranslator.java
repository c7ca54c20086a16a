package org.askthenotes.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a Chinese question into English query terms, word by word, with CC-CEDICT: so a Chinese question can match
 * notes written only in English, which the CJK bigram fields cannot and the English-only embedding models place
 * poorly (docs/evaluation.md, "Chinese questions over English notes").
 *
 * <p>Words are found by greedy longest match over the dictionary's headwords; question and function words are
 * dropped (they match how text is phrased, not what it is about); runs of Latin letters and digits (S3, Bedrock,
 * top-p) are kept as written; every other word contributes its cleaned glosses. The English analyzer then stems the
 * terms and drops English stop words.
 */
final class QueryTranslator {
    /**
     * Question and function words, Traditional and Simplified. Their glosses ("what", "how", "of", "can") either are
     * English stop words already or would match the phrasing of any note.
     */
    static final Set<String> FUNCTION_WORDS = Set.of(
            "什麼", "什么", "為什麼", "为什么", "怎麼", "怎么", "怎樣", "怎样", "如何", "哪些", "哪個", "哪个", "哪裡",
            "哪里", "哪", "為何", "为何", "是否", "可以", "能夠", "能够", "一個", "一个", "這個", "这个", "那個",
            "那个", "這些", "这些", "那些", "這類", "这类", "這種", "这种", "的", "地", "得", "了", "嗎", "吗", "呢",
            "吧", "啊", "是", "在", "和", "與", "与", "及", "以及", "或", "或是", "還是", "还是", "並", "并", "而",
            "就", "都", "也", "還", "还", "又", "會", "会", "要", "需要", "能", "可", "把", "被", "給", "给", "讓",
            "让", "對", "对", "從", "从", "到", "向", "於", "于", "為", "为", "以", "用來", "用来", "時", "时", "時候",
            "时候", "有", "沒有", "没有", "哪一", "各自", "分別", "分别", "之間", "之间", "中", "裡", "里", "上",
            "下", "我", "你", "他", "她", "它", "我們", "我们", "你們", "你们", "他們", "他们", "它們", "它们",
            "自己", "這", "这", "那", "其", "該", "该", "些", "個", "个", "等", "通常", "應該", "应该", "如果",
            "請問", "请问", "叫", "叫做", "什麼樣", "什么样", "多少", "幾", "几", "呀", "嘛", "做", "大概", "一下",
            "一些", "有什麼", "有什么", "不同", "差別", "差别", "區別", "区别", "意思", "代表", "主要", "負責", "负责");

    private final CedictDictionary dictionary;

    QueryTranslator(CedictDictionary dictionary) {
        this.dictionary = dictionary;
    }

    private static final class Bundled {
        static final QueryTranslator INSTANCE = new QueryTranslator(CedictDictionary.bundled());
    }

    /** Over the bundled CC-CEDICT, read on first use: an index that never meets a Chinese question never loads it. */
    static QueryTranslator bundled() {
        return Bundled.INSTANCE;
    }

    /** The English query terms, space-separated, in question order, each at most once; "" when there are none. */
    String englishTerms(String question) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : words(question)) {
            if (!isHan(word.codePointAt(0))) {
                terms.add(word);
            } else if (!FUNCTION_WORDS.contains(word)) {
                List<String> glosses = dictionary.glosses(word);
                // a character standing alone has many senses ("to use / to employ / to eat or drink"): only its first
                terms.addAll(word.codePointCount(0, word.length()) == 1 && !glosses.isEmpty()
                        ? glosses.subList(0, 1) : glosses);
            }
        }
        return String.join(" ", terms);
    }

    /**
     * The question's words: longest dictionary matches over runs of Han characters (a character the dictionary
     * lacks stands alone), and runs of Latin letters, digits and the hyphens inside them; the rest is dropped.
     */
    List<String> words(String question) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < question.length()) {
            int c = question.codePointAt(i);
            int end;
            if (isHan(c)) {
                end = longestMatch(question, i);
            } else if (Character.isLetterOrDigit(c)) {
                end = i;
                while (end < question.length() && isLatinWordPart(question, end)) {
                    end += Character.charCount(question.codePointAt(end));
                }
            } else {
                i += Character.charCount(c);
                continue;
            }
            words.add(question.substring(i, end));
            i = end;
        }
        return words;
    }

    private int longestMatch(String text, int start) {
        int hanEnd = start;
        while (hanEnd < text.length() && isHan(text.codePointAt(hanEnd))
                && hanEnd - start < dictionary.longestHeadword()) {
            hanEnd += Character.charCount(text.codePointAt(hanEnd));
        }
        for (int end = hanEnd; end > start; end--) {
            if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
                continue; // would split a supplementary character (CJK Extension B) in two
            }
            if (dictionary.contains(text.substring(start, end))) {
                return end;
            }
        }
        return start + Character.charCount(text.codePointAt(start));
    }

    private static boolean isLatinWordPart(String text, int at) {
        int c = text.codePointAt(at);
        if (c == '-' || c == '.') {
            // "top-p", "V2.0": part of the word only between two letters or digits
            return at > 0 && at + 1 < text.length() && Character.isLetterOrDigit(text.codePointAt(at + 1))
                    && !isHan(text.codePointAt(at + 1));
        }
        return Character.isLetterOrDigit(c) && !isHan(c);
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
