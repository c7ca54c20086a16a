package org.askthenotes.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A text's content terms, for code outside this module that compares texts by the words they share (the
 * answerer's overlap and grounding scores) without knowing Lucene: Lucene's standard tokenizer, English stop words,
 * possessives dropped and Porter stems for English (as the index's EnglishAnalyzer does), CJK bigrams for Chinese
 * (it has no spaces; bigrams are what a Chinese index holds too). Only retrieval knows Lucene; this is the analysis
 * it lends out.
 */
public final class TextTerms {
    private static final Analyzer ANALYZER = build();

    private TextTerms() {
    }

    /** The terms in text order, repeats included. */
    public static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing text in memory", e);
        }
        return terms;
    }

    private static Analyzer build() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer("standard")
                    .addTokenFilter("cjkWidth")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("englishPossessive")
                    .addTokenFilter("cjkBigram")
                    .addTokenFilter("stop")
                    .addTokenFilter("porterStem")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("building the term analyzer", e);
        }
    }
}
