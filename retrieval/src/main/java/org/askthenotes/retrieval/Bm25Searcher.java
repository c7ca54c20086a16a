package org.askthenotes.retrieval;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;

/**
 * BM25 over the per-language text fields. The query text is analyzed, never parsed, so no user input is query
 * syntax and nothing a user types can fail to parse.
 */
final class Bm25Searcher {
    /**
     * Lucene allows 1024 clauses per query in all. A Chinese query yields about one bigram per character in each of
     * the three _zh fields, so those read only its first 150 characters (the vector side reads it whole).
     */
    static final int MAX_CHINESE_QUERY_CHARS = 150;

    /**
     * The question's English words are matched in one field holding title, heading path and English text, as
     * Anserini's "flat" BEIR index does: one length norm and one term frequency per chunk instead of three fields that
     * each add their own BM25 score. SciFact BM25 nDCG@10 0.6647 → 0.6789 (Anserini flat: 0.6789), golden BM25
     * MRR@10 0.9632 → 0.9706 (docs/evaluation.md).
     */
    private static final List<String> ENGLISH_FIELDS = List.of(IndexFields.CONTENTS_EN);

    /**
     * A Chinese question's dictionary translation is still matched field by field: a bag of glosses, many of them
     * wrong senses, gains from a gloss found in a heading and in the text counting twice. In the flat field the
     * cross-lingual set's recall@3 fell from 0.8657 to 0.7910. Every field counts the same: boosting headings (1.5)
     * and titles (1.2) lowered MRR@10 on both the golden set and SciFact.
     */
    private static final List<String> TRANSLATION_FIELDS =
            List.of(IndexFields.TEXT_EN, IndexFields.HEADING_EN, IndexFields.TITLE_EN);
    private static final List<String> CHINESE_FIELDS =
            List.of(IndexFields.TEXT_ZH, IndexFields.HEADING_ZH, IndexFields.TITLE_ZH);

    private final QueryBuilder queryBuilder;

    /** {@code analyzer} analyzes queries per field, as {@link Analyzers#queryPerField()} does. */
    Bm25Searcher(Analyzer analyzer) {
        this.queryBuilder = new QueryBuilder(analyzer);
    }

    /**
     * A dictionary translation is weaker evidence than a word the user typed: it carries every listed sense of a word.
     * At 1 the off-topic "跑全程馬拉松前一週應該怎麼訓練？" matched "training" strongly enough to pass abstention's BM25
     * bar; at 0.5 it abstains, and the cross-lingual set's recall@3 is the same (at 0.3 it loses a question).
     */
    static final float TRANSLATION_BOOST = 0.5f;

    /** Null when the query has no searchable term (only stop words or punctuation). */
    Query query(String text) {
        return query(text, "");
    }

    /**
     * {@code text} is read by the flat English field and the Chinese fields, each its own script; the per-field _en
     * fields read {@code translation}, a Chinese question's English query terms ({@link QueryTranslator}), at
     * {@link #TRANSLATION_BOOST}.
     */
    Query query(String text, String translation) {
        String chinese = cut(text, MAX_CHINESE_QUERY_CHARS);
        // The _en fields read an English query whole up to the question limit; only a query whose terms would still
        // pass the clause limit is cut further.
        for (int englishChars = SearchRequest.MAX_QUERY_CHARS; ; englishChars /= 2) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            int fields = 0;
            int clauses = 0;
            for (String field : ENGLISH_FIELDS) {
                clauses += add(any, field, cut(text, englishChars), 1);
                fields += 1;
            }
            for (String field : translation.isEmpty() ? List.<String>of() : TRANSLATION_FIELDS) {
                clauses += add(any, field, cut(translation, englishChars), TRANSLATION_BOOST);
                fields += 1;
            }
            for (String field : CHINESE_FIELDS) {
                clauses += add(any, field, chinese, 1);
                fields += 1;
            }
            if (clauses + fields <= IndexSearcher.getMaxClauseCount() || englishChars <= MAX_CHINESE_QUERY_CHARS) {
                BooleanQuery query = any.build();
                return query.clauses().isEmpty() ? null : query;
            }
        }
    }

    /** Adds the field's query to {@code any}; returns how many term clauses it holds. */
    private int add(BooleanQuery.Builder any, String field, String text, float boost) {
        Query query = queryBuilder.createBooleanQuery(field, text, BooleanClause.Occur.SHOULD);
        if (query == null) {
            return 0;
        }
        any.add(boost == 1 ? query : new BoostQuery(query, boost), BooleanClause.Occur.SHOULD);
        return query instanceof BooleanQuery bq ? bq.clauses().size() : 1;
    }

    private static String cut(String text, int maxChars) {
        return text.length() > maxChars ? text.substring(0, maxChars) : text;
    }

    TopDocs search(IndexSearcher searcher, String text, Query filter, int n) throws IOException {
        return search(searcher, text, "", filter, n);
    }

    TopDocs search(IndexSearcher searcher, String text, String translation, Query filter, int n) throws IOException {
        return search(new LuceneView(searcher), text, translation, filter, n);
    }

    TopDocs search(IndexView view, String text, String translation, Query filter, int n) throws IOException {
        Query query = query(text, translation);
        if (query == null) {
            return null;
        }
        if (filter != null) {
            query = new BooleanQuery.Builder()
                    .add(query, BooleanClause.Occur.MUST)
                    .add(filter, BooleanClause.Occur.FILTER)
                    .build();
        }
        return view.bm25(query, n);
    }
}
