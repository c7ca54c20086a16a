package org.askthenotes.retrieval;

/**
 * The index's field names, one definition for every backend: the embedded Lucene index ({@link ChunkDocuments})
 * and the SolrCloud one, whose configset declares the same names, since the BM25 and filter queries retrieval
 * builds name them.
 */
public final class IndexFields {
    public static final String KIND = "kind";
    public static final String KIND_NOTE = "note";
    public static final String KIND_CHUNK = "chunk";
    public static final String PATH = "path";
    public static final String HASH = "hash";
    public static final String SIZE = "size";
    public static final String MODIFIED = "modified";
    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String HEADING = "heading";
    public static final String ANCHOR = "anchor";
    public static final String START_LINE = "startLine";
    public static final String END_LINE = "endLine";
    public static final String PASSAGE_LANGUAGE = "passageLanguage";
    public static final String PASSAGE_TEXT = "passageText";
    public static final String DATE = "date";
    public static final String TAG = "tag";
    public static final String CATEGORY = "category";
    public static final String LANGUAGE = "language";
    public static final String VECTOR = "vector";
    public static final String TEXT_EN = "text_en";
    public static final String TEXT_ZH = "text_zh";
    public static final String TITLE_EN = "title_en";
    public static final String TITLE_ZH = "title_zh";
    public static final String HEADING_EN = "heading_en";
    public static final String HEADING_ZH = "heading_zh";
    /**
     * Title, heading path and English text in one English-analyzed field (Anserini's "flat" index): what an English
     * question is matched in. The per-field _en fields serve a Chinese question's dictionary translation.
     */
    public static final String CONTENTS_EN = "contents_en";

    private IndexFields() {
    }
}
