package org.askthenotes.solr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A Lucene query as retrieval builds it (BM25 over analyzed terms, filters) in Solr's JSON Query DSL, term for term:
 * the terms are already analyzed, so Solr's {@code term} parser takes them as they are and Solr runs the same query
 * the embedded index would. Only the query types retrieval builds are known; any other is refused by name.
 */
final class SolrQueries {
    private SolrQueries() {
    }

    static Map<String, Object> json(Query query) {
        if (query instanceof TermQuery term) {
            return parser("term", Map.of("f", term.getTerm().field(), "query", term.getTerm().text()));
        }
        if (query instanceof PrefixQuery prefix) {
            return parser("prefix", Map.of("f", prefix.getPrefix().field(), "query", prefix.getPrefix().text()));
        }
        if (query instanceof BoostQuery boost) {
            // Solr's boost parser multiplies the query's score by b, as a BoostQuery does
            return parser("boost", Map.of("query", json(boost.getQuery()), "b", Float.toString(boost.getBoost())));
        }
        if (query instanceof BooleanQuery bool) {
            return bool(bool);
        }
        throw new IllegalArgumentException("no Solr form for a " + query.getClass().getSimpleName() + ": " + query);
    }

    private static Map<String, Object> bool(BooleanQuery bool) {
        Map<String, List<Object>> clauses = new LinkedHashMap<>();
        for (BooleanClause clause : bool.clauses()) {
            String occur = switch (clause.getOccur()) {
                case SHOULD -> "should";
                case MUST -> "must";
                case FILTER -> "filter";
                case MUST_NOT -> "must_not";
            };
            clauses.computeIfAbsent(occur, key -> new ArrayList<>()).add(json(clause.getQuery()));
        }
        Map<String, Object> params = new LinkedHashMap<>(clauses);
        if (bool.getMinimumNumberShouldMatch() > 0) {
            params.put("mm", Integer.toString(bool.getMinimumNumberShouldMatch()));
        }
        return parser("bool", params);
    }

    private static Map<String, Object> parser(String name, Map<String, Object> params) {
        return Map.of(name, params);
    }
}
