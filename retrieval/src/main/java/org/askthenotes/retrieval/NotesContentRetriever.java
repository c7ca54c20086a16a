package org.askthenotes.retrieval;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.askthenotes.ingest.Chunk;

/**
 * The notes index as a LangChain4j {@link ContentRetriever}, so it plugs into {@code DefaultRetrievalAugmentor}
 * and {@code AiServices} like any embedding store (docs/langchain4j.md). Each hit becomes a {@link Content} whose
 * {@link TextSegment} holds the chunk's text and, as metadata, where it came from and how it scored; the score is
 * also the content's {@link ContentMetadata#SCORE}.
 *
 * <p>It searches the project's {@link Retriever} rather than an {@code EmbeddingStore} because hybrid search needs
 * the query text (BM25, language) as well as its vector.
 */
public final class NotesContentRetriever implements ContentRetriever {
    /** Segment metadata keys, named as the {@link Chunk} fields and the JSON API name them. */
    public static final String CHUNK_ID = "chunkId";
    public static final String NOTE_PATH = "notePath";
    public static final String NOTE_TITLE = "noteTitle";
    /** The headings from the top of the note down, joined by {@link Chunk#PATH_SEPARATOR}. */
    public static final String HEADING_PATH = "headingPath";
    public static final String ANCHOR = "anchor";
    public static final String START_LINE = "startLine";
    public static final String END_LINE = "endLine";
    /** The fused score in hybrid mode, else the single list's score, as {@link Hit#score()}. */
    public static final String SCORE = "score";

    private final Retriever retriever;
    private final int maxResults;
    private final SearchMode mode;
    private final Filters filters;

    /**
     * @param retriever  usually a {@link NotesIndex}
     * @param maxResults hits per query, as {@link SearchRequest#k()}
     */
    public NotesContentRetriever(Retriever retriever, int maxResults, SearchMode mode, Filters filters) {
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.filters = Objects.requireNonNull(filters, "filters");
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1: " + maxResults);
        }
        this.maxResults = maxResults;
    }

    /** Best first, as the index ranked them. */
    @Override
    public List<Content> retrieve(Query query) {
        Objects.requireNonNull(query, "query");
        return retriever.search(new SearchRequest(query.text(), maxResults, mode, filters)).stream()
                .map(NotesContentRetriever::content)
                .toList();
    }

    static Content content(Hit hit) {
        Chunk chunk = hit.chunk();
        Metadata metadata = new Metadata()
                .put(CHUNK_ID, chunk.id())
                .put(NOTE_PATH, chunk.notePath())
                .put(NOTE_TITLE, chunk.noteTitle())
                .put(HEADING_PATH, String.join(Chunk.PATH_SEPARATOR, chunk.headingPath()))
                .put(ANCHOR, chunk.anchor())
                .put(START_LINE, chunk.startLine())
                .put(END_LINE, chunk.endLine())
                .put(SCORE, hit.score());
        return Content.from(TextSegment.from(chunk.text(), metadata), Map.of(ContentMetadata.SCORE, hit.score()));
    }
}
