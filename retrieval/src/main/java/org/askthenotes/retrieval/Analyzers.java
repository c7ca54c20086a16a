package org.askthenotes.retrieval;

import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * One analyzer per language: English stems and drops stop words; Chinese has no spaces between words, so Lucene's
 * CJK analyzer indexes overlapping bigrams. Every text field exists once per language (suffix _en / _zh), and a
 * query is analyzed by both, so an English or a Chinese question each meets text analyzed its own way.
 */
final class Analyzers {
    private Analyzers() {
    }

    /** For indexing: every bigram is kept, so the stop set can change without a rebuild. */
    static Analyzer perField() {
        return perField(new CJKAnalyzer());
    }

    /**
     * For BM25 queries: each field family matches only its own script. The _en fields skip the Han characters that
     * the English analyzer would keep as one-character terms, and the _zh fields keep only CJK bigrams and single
     * characters (the CJK analyzer would pass English words through unstemmed, so an English term would score twice
     * in every field that both analyzers read, such as titles); the Chinese fields also drop the question-word bigrams.
     */
    static Analyzer queryPerField() {
        Analyzer chinese = new CJKAnalyzer(new CharArraySet(ChineseQuestionBigrams.QUERY_STOP, false));
        return new PerFieldAnalyzerWrapper(
                new TypeFiltering(new EnglishAnalyzer(), CJK_SCRIPT_TYPES, false),
                Map.of(IndexFields.TEXT_ZH, new TypeFiltering(chinese, CJK_BIGRAM_TYPES, true),
                        IndexFields.TITLE_ZH, new TypeFiltering(chinese, CJK_BIGRAM_TYPES, true),
                        IndexFields.HEADING_ZH, new TypeFiltering(chinese, CJK_BIGRAM_TYPES, true)));
    }

    /** The token types StandardTokenizer gives characters of East Asian scripts. */
    private static final Set<String> CJK_SCRIPT_TYPES = Set.of(
            StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC],
            StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA],
            StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA],
            StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL]);

    /** The token types CJKBigramFilter gives what it forms from those characters. */
    private static final Set<String> CJK_BIGRAM_TYPES =
            Set.of(CJKBigramFilter.DOUBLE_TYPE, CJKBigramFilter.SINGLE_TYPE);

    /** Keeps ({@code keep}) or drops the tokens of the given types at the end of another analyzer's chain. */
    private static final class TypeFiltering extends AnalyzerWrapper {
        private final Analyzer delegate;
        private final Set<String> types;
        private final boolean keep;

        TypeFiltering(Analyzer delegate, Set<String> types, boolean keep) {
            super(delegate.getReuseStrategy());
            this.delegate = delegate;
            this.types = types;
            this.keep = keep;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return delegate;
        }

        @Override
        protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
            return new TokenStreamComponents(components.getSource(),
                    new TypeTokenFilter(components.getTokenStream(), types, keep));
        }
    }

    private static Analyzer perField(Analyzer chinese) {
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(
                IndexFields.TEXT_ZH, chinese,
                IndexFields.TITLE_ZH, chinese,
                IndexFields.HEADING_ZH, chinese));
    }
}
