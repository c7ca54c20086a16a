package org.askthenotes.retrieval;

import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** {@link Filters} as one Lucene query that only restricts (no scoring), shared by the BM25 and kNN lists. */
final class FilterQueries {
    private FilterQueries() {
    }

    /** Null when nothing is filtered. */
    static Query of(Filters filters) {
        if (filters.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(new TermQuery(new Term(IndexFields.KIND, IndexFields.KIND_CHUNK)), BooleanClause.Occur.FILTER);
        anyOf(all, IndexFields.TAG, filters.tags());
        anyOf(all, IndexFields.CATEGORY, filters.categories());
        if (filters.notePathPrefix() != null) {
            all.add(new PrefixQuery(new Term(IndexFields.PATH, filters.notePathPrefix())),
                    BooleanClause.Occur.FILTER);
        }
        if (filters.language() != null) {
            all.add(new TermQuery(new Term(IndexFields.LANGUAGE, filters.language().code())),
                    BooleanClause.Occur.FILTER);
        }
        return all.build();
    }

    private static void anyOf(BooleanQuery.Builder all, String field, Set<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(value -> any.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.SHOULD));
        all.add(any.build(), BooleanClause.Occur.FILTER);
    }
}
