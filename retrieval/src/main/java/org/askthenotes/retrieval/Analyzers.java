package org.askthenotes.retrieval;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
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

    static Analyzer perField() {
        Analyzer chinese = new CJKAnalyzer();
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(
                ChunkDocuments.TEXT_ZH, chinese,
                ChunkDocuments.TITLE_ZH, chinese,
                ChunkDocuments.HEADING_ZH, chinese));
    }
}
