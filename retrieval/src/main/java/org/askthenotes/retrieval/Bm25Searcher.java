package org.askthenotes.retrieval;

import java.io.IOException;
import java.util.List;
import java.util.Map;
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
     * Lucene allows 1024 clauses per query in all; a Chinese query yields about one bigram per character in each _zh
     * field and one unigram in each _en field, so longer queries are cut here (the vector side reads them whole).
     */
    static final int MAX_QUERY_CHARS = 150;

    /** Headings say what a section is about, so a match there counts a little more than one in the body. */
    private static final List<Map.Entry<String, Float>> FIELD_BOOSTS = List.of(
            Map.entry(ChunkDocuments.TEXT_EN, 1.0f),
            Map.entry(ChunkDocuments.TEXT_ZH, 1.0f),
            Map.entry(ChunkDocuments.HEADING_EN, 1.5f),
            Map.entry(ChunkDocuments.HEADING_ZH, 1.5f),
            Map.entry(ChunkDocuments.TITLE_EN, 1.2f),
            Map.entry(ChunkDocuments.TITLE_ZH, 1.2f));

    private final QueryBuilder queryBuilder;

    Bm25Searcher(Analyzer analyzer) {
        this.queryBuilder = new QueryBuilder(analyzer);
    }

    /** Null when the query has no searchable term (only stop words or punctuation). */
    Query query(String text) {
        String cut = text.length() > MAX_QUERY_CHARS ? text.substring(0, MAX_QUERY_CHARS) : text;
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (Map.Entry<String, Float> field : FIELD_BOOSTS) {
            Query query = queryBuilder.createBooleanQuery(field.getKey(), cut, BooleanClause.Occur.SHOULD);
            if (query != null) {
                any.add(new BoostQuery(query, field.getValue()), BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : any.build();
    }

    TopDocs search(IndexSearcher searcher, String text, Query filter, int n) throws IOException {
        Query query = query(text);
        if (query == null) {
            return null;
        }
        if (filter != null) {
            query = new BooleanQuery.Builder()
                    .add(query, BooleanClause.Occur.MUST)
                    .add(filter, BooleanClause.Occur.FILTER)
                    .build();
        }
        return searcher.search(query, n);
    }
}
