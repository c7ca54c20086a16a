package org.askthenotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.askthenotes.ingest.Chunk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The index as a LangChain4j ContentRetriever, over a real index of the fixture notes and the real model. */
class NotesContentRetrieverTest {
    @TempDir
    static Path indexDir;

    static NotesIndex index;

    @BeforeAll
    static void indexFixtures() throws IOException {
        index = NotesIndex.open(indexDir, Embedders.create(Embedders.DEFAULT));
        index.sync(FixtureNotes.ingest(FixtureNotes.all()), SyncListener.NONE);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void contentsAreTheIndexHitsInOrderWithWhereEachCameFrom(SearchMode mode) {
        String question = "What does SageMaker Clarify detect?";
        List<Hit> hits = index.search(new SearchRequest(question, 3, mode));
        List<Content> contents = new NotesContentRetriever(index, 3, mode, Filters.NONE).retrieve(Query.from(question));

        assertEquals(3, contents.size());
        assertEquals("SageMaker Clarify", contents.get(0).textSegment().metadata().getString(
                NotesContentRetriever.HEADING_PATH));
        for (int i = 0; i < hits.size(); i++) {
            Chunk chunk = hits.get(i).chunk();
            Content content = contents.get(i);
            Metadata metadata = content.textSegment().metadata();
            assertEquals(chunk.text(), content.textSegment().text());
            assertEquals(chunk.id(), metadata.getString(NotesContentRetriever.CHUNK_ID));
            assertEquals(chunk.notePath(), metadata.getString(NotesContentRetriever.NOTE_PATH));
            assertEquals(chunk.noteTitle(), metadata.getString(NotesContentRetriever.NOTE_TITLE));
            assertEquals(String.join(Chunk.PATH_SEPARATOR, chunk.headingPath()),
                    metadata.getString(NotesContentRetriever.HEADING_PATH));
            assertEquals(chunk.anchor(), metadata.getString(NotesContentRetriever.ANCHOR));
            assertEquals(chunk.startLine(), metadata.getInteger(NotesContentRetriever.START_LINE));
            assertEquals(chunk.endLine(), metadata.getInteger(NotesContentRetriever.END_LINE));
            assertEquals(hits.get(i).score(), metadata.getDouble(NotesContentRetriever.SCORE));
            assertEquals(hits.get(i).score(), content.metadata().get(ContentMetadata.SCORE));
        }
    }

    @Test
    void filtersAndMaxResultsApply() {
        Filters sagemaker = new Filters(Set.of(), Set.of(), "aws/sagemaker", null);
        List<Content> contents = new NotesContentRetriever(index, 10, SearchMode.HYBRID, sagemaker)
                .retrieve(Query.from("What reduces hallucinations?"));
        assertEquals(List.of("aws/sagemaker.md"), contents.stream()
                .map(c -> c.textSegment().metadata().getString(NotesContentRetriever.NOTE_PATH)).distinct().toList());
        assertEquals(3, contents.size(), "the note has three sections, fewer than maxResults");
    }

    @Test
    void rejectsANonPositiveMaxResults() {
        assertThrows(IllegalArgumentException.class,
                () -> new NotesContentRetriever(index, 0, SearchMode.HYBRID, Filters.NONE));
    }
}
