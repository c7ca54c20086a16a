package org.askthenotes.retrieval;

import static org.askthenotes.retrieval.IndexFields.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.FileStamp;
import org.askthenotes.ingest.IndexedFile;
import org.askthenotes.ingest.Language;
import org.askthenotes.ingest.Note;
import org.askthenotes.ingest.Passage;

/**
 * Chunk to Lucene document and back. A note is stored as one "note" document (path and content hash, so a sync can
 * tell what changed even for a note without chunks) followed by one document per chunk; all of them share the path
 * term, which is what a sync replaces or deletes a note by.
 */
final class ChunkDocuments {
    private ChunkDocuments() {
    }

    static Term pathTerm(String notePath) {
        return new Term(PATH, notePath);
    }

    /**
     * The note's documents, note document first; {@code vectors} are its chunks' embeddings in order.
     *
     * @param stamp the file's size and time when read, null when it is not to be trusted (the next sync hashes it)
     */
    static List<Document> noteDocuments(Note note, FileStamp stamp, List<float[]> vectors) {
        if (vectors.size() != note.chunks().size()) {
            throw new IllegalArgumentException(note.path() + ": " + vectors.size() + " vectors for "
                    + note.chunks().size() + " chunks");
        }
        List<Document> documents = new ArrayList<>(note.chunks().size() + 1);
        documents.add(noteDocument(note.path(), note.contentHash(), stamp));
        for (int i = 0; i < vectors.size(); i++) {
            documents.add(chunkDocument(note.chunks().get(i), vectors.get(i)));
        }
        return documents;
    }

    static Document noteDocument(String path, String contentHash, FileStamp stamp) {
        Document document = new Document();
        document.add(new StringField(KIND, KIND_NOTE, Field.Store.NO));
        document.add(new StringField(PATH, path, Field.Store.YES));
        document.add(new StoredField(HASH, contentHash));
        if (stamp != null) {
            document.add(new StoredField(SIZE, stamp.size()));
            document.add(new StoredField(MODIFIED, stamp.lastModified()));
        }
        return document;
    }

    /** What a note document says about its file; an index written before stamps were kept has only the hash. */
    static IndexedFile indexedFile(Document noteDocument) {
        IndexableField size = noteDocument.getField(SIZE);
        IndexableField modified = noteDocument.getField(MODIFIED);
        FileStamp stamp = size == null || modified == null ? null
                : new FileStamp(size.numericValue().longValue(), modified.numericValue().longValue());
        return new IndexedFile(stamp, noteDocument.get(HASH));
    }

    static Document chunkDocument(Chunk chunk, float[] vector) {
        Document document = new Document();
        document.add(new StringField(KIND, KIND_CHUNK, Field.Store.NO));
        document.add(new StringField(ID, chunk.id(), Field.Store.YES));
        document.add(new StringField(PATH, chunk.notePath(), Field.Store.YES));
        document.add(new StoredField(TITLE, chunk.noteTitle()));
        chunk.headingPath().forEach(heading -> document.add(new StoredField(HEADING, heading)));
        document.add(new StoredField(ANCHOR, chunk.anchor()));
        document.add(new StoredField(START_LINE, chunk.startLine()));
        document.add(new StoredField(END_LINE, chunk.endLine()));
        for (Passage passage : chunk.passages()) {
            document.add(new StoredField(PASSAGE_LANGUAGE, passage.language().code()));
            document.add(new StoredField(PASSAGE_TEXT, passage.text()));
        }
        document.add(new StoredField(DATE, chunk.date()));
        chunk.tags().forEach(tag -> document.add(new StringField(TAG, tag, Field.Store.YES)));
        chunk.categories().forEach(category -> document.add(new StringField(CATEGORY, category, Field.Store.YES)));
        chunk.languages().forEach(language ->
                document.add(new StringField(LANGUAGE, language.code(), Field.Store.NO)));
        document.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        addText(document, chunk);
        return document;
    }

    /**
     * Titles and headings mix languages ("Foundation models (基礎模型)"), so both analyzers read them; the flat field
     * holds only the English passages, as the Chinese ones are the _zh fields' (docs/architecture.md lists the layout).
     */
    private static void addText(Document document, Chunk chunk) {
        String headings = String.join("\n", chunk.headingPath());
        document.add(new TextField(TEXT_EN, chunk.text(Language.ENGLISH), Field.Store.NO));
        document.add(new TextField(TEXT_ZH, chunk.text(Language.CHINESE), Field.Store.NO));
        document.add(new TextField(TITLE_EN, chunk.noteTitle(), Field.Store.NO));
        document.add(new TextField(TITLE_ZH, chunk.noteTitle(), Field.Store.NO));
        document.add(new TextField(HEADING_EN, headings, Field.Store.NO));
        document.add(new TextField(HEADING_ZH, headings, Field.Store.NO));
        document.add(new TextField(CONTENTS_EN, chunk.noteTitle() + "\n" + headings + "\n"
                + chunk.text(Language.ENGLISH), Field.Store.NO));
    }

    /** Rebuilds the chunk exactly as it was indexed, from a chunk document's stored fields. */
    static Chunk toChunk(Document stored) {
        String[] languages = stored.getValues(PASSAGE_LANGUAGE);
        String[] texts = stored.getValues(PASSAGE_TEXT);
        List<Passage> passages = new ArrayList<>(texts.length);
        for (int i = 0; i < texts.length; i++) {
            passages.add(new Passage(Language.fromCode(languages[i]), texts[i]));
        }
        return new Chunk(
                stored.get(ID),
                stored.get(PATH),
                stored.get(TITLE),
                List.of(stored.getValues(HEADING)),
                stored.get(ANCHOR),
                intValue(stored, START_LINE),
                intValue(stored, END_LINE),
                passages,
                List.of(stored.getValues(TAG)),
                List.of(stored.getValues(CATEGORY)),
                stored.get(DATE));
    }

    private static int intValue(Document stored, String field) {
        IndexableField value = stored.getField(field);
        return value.numericValue().intValue();
    }
}
