package org.askthenotes.solr;

import static org.askthenotes.retrieval.IndexFields.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.FileStamp;
import org.askthenotes.ingest.IndexedFile;
import org.askthenotes.ingest.Language;
import org.askthenotes.ingest.Note;
import org.askthenotes.ingest.Passage;

/**
 * Chunk to Solr document and back: retrieval's {@link org.askthenotes.retrieval.IndexFields} (the configset's
 * schema.xml declares them), since the BM25 and filter queries retrieval builds name them. Every document of a note
 * has a {@code docId} that starts with a route key made from its path ({@code <key>!...}, Solr's compositeId
 * router), so all of a note lives on one shard and that shard's commit switches a changed note whole.
 */
final class SolrDocuments {
    static final String DOC_ID = "docId";
    static final String SCORE = "score";

    /** What a hit needs back to rebuild its chunk. */
    static final List<String> CHUNK_FIELDS = List.of(ID, PATH, TITLE, HEADING, ANCHOR, START_LINE, END_LINE,
            PASSAGE_LANGUAGE, PASSAGE_TEXT, DATE, TAG, CATEGORY);

    private SolrDocuments() {
    }

    /** The route key of a note's documents: a hash of its path, so any path (with '!' or '/') routes alike. */
    static String routeKey(String notePath) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(notePath.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String noteDocId(String notePath) {
        return routeKey(notePath) + "!note";
    }

    static String chunkDocId(Chunk chunk) {
        return routeKey(chunk.notePath()) + "!" + chunk.id();
    }

    /** The note's documents, note document first, as ChunkDocuments.noteDocuments lays them out. */
    static List<SolrInputDocument> noteDocuments(Note note, FileStamp stamp, List<float[]> vectors) {
        if (vectors.size() != note.chunks().size()) {
            throw new IllegalArgumentException(note.path() + ": " + vectors.size() + " vectors for "
                    + note.chunks().size() + " chunks");
        }
        List<SolrInputDocument> documents = new ArrayList<>(note.chunks().size() + 1);
        documents.add(noteDocument(note.path(), note.contentHash(), stamp));
        for (int i = 0; i < vectors.size(); i++) {
            documents.add(chunkDocument(note.chunks().get(i), vectors.get(i)));
        }
        return documents;
    }

    static SolrInputDocument noteDocument(String path, String contentHash, FileStamp stamp) {
        SolrInputDocument document = new SolrInputDocument();
        document.addField(DOC_ID, noteDocId(path));
        document.addField(KIND, KIND_NOTE);
        document.addField(PATH, path);
        document.addField(HASH, contentHash);
        if (stamp != null) {
            document.addField(SIZE, stamp.size());
            document.addField(MODIFIED, stamp.lastModified());
        }
        return document;
    }

    static IndexedFile indexedFile(SolrDocument noteDocument) {
        Object size = noteDocument.getFirstValue(SIZE);
        Object modified = noteDocument.getFirstValue(MODIFIED);
        FileStamp stamp = size == null || modified == null ? null
                : new FileStamp(((Number) size).longValue(), ((Number) modified).longValue());
        return new IndexedFile(stamp, (String) noteDocument.getFirstValue(HASH));
    }

    static SolrInputDocument chunkDocument(Chunk chunk, float[] vector) {
        SolrInputDocument document = new SolrInputDocument();
        document.addField(DOC_ID, chunkDocId(chunk));
        document.addField(KIND, KIND_CHUNK);
        document.addField(ID, chunk.id());
        document.addField(PATH, chunk.notePath());
        document.addField(TITLE, chunk.noteTitle());
        chunk.headingPath().forEach(heading -> document.addField(HEADING, heading));
        document.addField(ANCHOR, chunk.anchor());
        document.addField(START_LINE, chunk.startLine());
        document.addField(END_LINE, chunk.endLine());
        for (Passage passage : chunk.passages()) {
            document.addField(PASSAGE_LANGUAGE, passage.language().code());
            document.addField(PASSAGE_TEXT, passage.text());
        }
        document.addField(DATE, chunk.date());
        chunk.tags().forEach(tag -> document.addField(TAG, tag));
        chunk.categories().forEach(category -> document.addField(CATEGORY, category));
        chunk.languages().forEach(language -> document.addField(LANGUAGE, language.code()));
        List<Float> values = new ArrayList<>(vector.length);
        for (float value : vector) {
            values.add(value);
        }
        document.addField(VECTOR, values);
        // the analyzed text fields, as ChunkDocuments.addText fills them
        String headings = String.join("\n", chunk.headingPath());
        document.addField("text_en", chunk.text(Language.ENGLISH));
        document.addField("text_zh", chunk.text(Language.CHINESE));
        document.addField("title_en", chunk.noteTitle());
        document.addField("title_zh", chunk.noteTitle());
        document.addField("heading_en", headings);
        document.addField("heading_zh", headings);
        // the flat English field retrieval's BM25 reads an English question in (since the scifact merge)
        document.addField("contents_en", chunk.noteTitle() + "\n" + headings + "\n" + chunk.text(Language.ENGLISH));
        return document;
    }

    /** Rebuilds the chunk exactly as it was indexed, from a chunk document's stored fields. */
    static Chunk toChunk(SolrDocument stored) {
        List<String> languages = strings(stored, PASSAGE_LANGUAGE);
        List<String> texts = strings(stored, PASSAGE_TEXT);
        List<Passage> passages = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            passages.add(new Passage(Language.fromCode(languages.get(i)), texts.get(i)));
        }
        return new Chunk(
                (String) stored.getFirstValue(ID),
                (String) stored.getFirstValue(PATH),
                (String) stored.getFirstValue(TITLE),
                strings(stored, HEADING),
                (String) stored.getFirstValue(ANCHOR),
                ((Number) stored.getFirstValue(START_LINE)).intValue(),
                ((Number) stored.getFirstValue(END_LINE)).intValue(),
                passages,
                strings(stored, TAG),
                strings(stored, CATEGORY),
                (String) stored.getFirstValue(DATE));
    }

    /** A stored vector as Solr returns it (a list of numbers). */
    static float[] vector(SolrDocument stored) {
        Collection<Object> values = stored.getFieldValues(VECTOR);
        if (values == null) {
            throw new IllegalStateException("chunk document " + stored.getFirstValue(DOC_ID) + " has no vector");
        }
        float[] vector = new float[values.size()];
        int i = 0;
        for (Object value : values) {
            vector[i++] = ((Number) value).floatValue();
        }
        return vector;
    }

    private static List<String> strings(SolrDocument stored, String field) {
        Collection<Object> values = stored.getFieldValues(field);
        return values == null ? List.of() : values.stream().map(String.class::cast).toList();
    }
}
