package org.askthenotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Bm25SearcherTest {
    private final Analyzer analyzer = Analyzers.queryPerField();
    private final Bm25Searcher searcher = new Bm25Searcher(analyzer);

    @AfterEach
    void close() {
        analyzer.close();
    }

    private static List<Term> terms(Query query) {
        List<Term> terms = new ArrayList<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... found) {
                terms.addAll(List.of(found));
            }
        });
        return terms;
    }

    private Set<String> terms(String query, String field) {
        return terms(searcher.query(query), field);
    }

    private static Set<String> terms(Query query, String field) {
        Set<String> texts = new TreeSet<>();
        terms(query).stream().filter(t -> t.field().equals(field)).forEach(t -> texts.add(t.text()));
        return texts;
    }

    static Stream<Arguments> questionWordsAreNotSearched() {
        return Stream.of(
                Arguments.of("什麼是檢索增強生成？", Set.of("檢索", "增強", "生成"), Set.of("什麼", "麼是")),
                Arguments.of("如何用金鑰加密資料？", Set.of("金鑰", "加密", "資料"), Set.of("如何")),
                Arguments.of("為什麼要過濾重複內容？", Set.of("過濾", "重複", "內容"), Set.of("為什", "什麼")),
                Arguments.of("哪個服務可以朗讀文章？", Set.of("服務", "朗讀", "文章"), Set.of("哪個", "可以")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void questionWordsAreNotSearched(String query, Set<String> searched, Set<String> dropped) {
        Set<String> zh = terms(query, IndexFields.TEXT_ZH);
        assertTrue(zh.containsAll(searched), zh.toString());
        dropped.forEach(bigram -> assertFalse(zh.contains(bigram), bigram + " in " + zh));
    }

    @Test
    void eachScriptIsMatchedOnlyInItsOwnFields() {
        String query = "What is RAG (檢索增強生成)?";
        assertEquals(Set.of("what", "rag"), terms(query, IndexFields.CONTENTS_EN));
        for (String field : List.of(IndexFields.TEXT_ZH, IndexFields.HEADING_ZH, IndexFields.TITLE_ZH)) {
            assertEquals(Set.of("檢索", "索增", "增強", "強生", "生成"), terms(query, field), field);
        }
    }

    @Test
    void theQuestionIsMatchedInTheFlatFieldAndItsTranslationFieldByField() {
        Query query = searcher.query("什麼是提示工程？", "prompt engineering");
        for (String field : List.of(IndexFields.TEXT_EN, IndexFields.HEADING_EN, IndexFields.TITLE_EN)) {
            assertEquals(Set.of("prompt", "engin"), terms(query, field), field);
        }
        assertEquals(Set.of(), terms(query, IndexFields.CONTENTS_EN));
        Set<String> zh = terms(query, IndexFields.TEXT_ZH);
        assertTrue(zh.containsAll(Set.of("提示", "工程")), zh.toString());
    }

    @Test
    void aLongEnglishQueryIsSearchedWhole() {
        String query = "word ".repeat(100) + "overfitting";
        assertTrue(query.length() > Bm25Searcher.MAX_CHINESE_QUERY_CHARS);
        assertTrue(terms(query, IndexFields.CONTENTS_EN).contains("overfit"));
    }

    @Test
    void aVeryLongMixedQueryStaysUnderLuceneClauseLimit() {
        StringBuilder query = new StringBuilder();
        for (int i = 0; query.length() < 20_000; i++) {
            query.append("term").append(i).append(' ').append((char) ('一' + i % 2000));
        }
        int clauses = terms(searcher.query(query.toString())).size() + 6;
        assertTrue(clauses <= IndexSearcher.getMaxClauseCount(), clauses + " clauses");
    }

    @Test
    void aQueryOfStopWordsAndPunctuationHasNothingToSearch() {
        assertNull(searcher.query("is the ?"));
        assertNull(searcher.query("什麼是？"));
    }

    @Test
    void bm25ParametersAreChecked() {
        RetrievalOptions defaults = RetrievalOptions.defaults();
        assertEquals(0.9f, defaults.bm25K1());
        assertEquals(0.4f, defaults.bm25B());
        assertThrows(IllegalArgumentException.class, () -> defaults.withBm25(-0.1f, 0.4f));
        assertThrows(IllegalArgumentException.class, () -> defaults.withBm25(0.9f, 1.5f));
        assertThrows(IllegalArgumentException.class, () -> defaults.withBm25(Float.NaN, 0.4f));
    }
}
