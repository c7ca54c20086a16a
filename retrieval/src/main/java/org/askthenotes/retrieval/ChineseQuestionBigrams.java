package org.askthenotes.retrieval;

import java.util.List;
import java.util.stream.Stream;

/**
 * The bigrams of Chinese question words ("什麼是…", "為什麼…", "如何…", "哪些", "可以") that say how a question is asked,
 * not what it is about. Both BM25 queries ({@link Analyzers}) and the extractive answerer's term overlap
 * (generation's {@code Terms}) drop them; each adds a few of its own, kept apart below so that this shared list
 * is the one place to change for both. CJK analysis bigrams before it filters, so the list holds bigrams,
 * including the fragments 麼是 and 是什 that the words leave next to 是.
 */
public final class ChineseQuestionBigrams {
    /** Dropped by both BM25 queries and term overlap. */
    public static final List<String> SHARED = List.of("什麼", "麼是", "是什", "為什", "如何", "哪些", "可以");

    /**
     * What BM25 queries drop: the shared bigrams and "怎麼", "哪個", "為何", "是否", "一個". Every Chinese question
     * carries some, so as query terms they match headings and text that merely ask or phrase something the same
     * way ("什麼是基礎模型") instead of the content the question is about.
     */
    public static final List<String> QUERY_STOP = concat(SHARED, List.of("怎麼", "哪個", "為何", "是否", "一個"));

    /** What term overlap drops: the shared bigrams and the variant spellings 甚麼 and 什麽, and 麼？. */
    public static final List<String> OVERLAP_STOP = concat(SHARED, List.of("甚麼", "什麽", "麼？"));

    private ChineseQuestionBigrams() {
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
