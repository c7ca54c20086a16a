package org.askthenotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.Language;
import org.askthenotes.ingest.Note;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Search quality and the shape of hits, on hand-made bilingual notes in a real on-disk index. */
class HybridRetrievalTest {
    @TempDir
    static Path indexDir;

    static Embedder embedder;
    static NotesIndex index;
    static Map<String, Chunk> chunksById;

    @BeforeAll
    static void indexFixtures() throws IOException {
        embedder = Embedders.create(Embedders.DEFAULT);
        index = NotesIndex.open(indexDir, embedder);
        index.sync(FixtureNotes.ingest(FixtureNotes.all()), SyncListener.NONE);
        chunksById = FixtureNotes.all().stream().flatMap(n -> n.chunks().stream())
                .collect(Collectors.toMap(Chunk::id, Function.identity()));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    static Stream<Arguments> questionsWithKnownSections() {
        return Stream.of(
                Arguments.of("What is a foundation model?", "Foundation models (基礎模型)"),
                Arguments.of("How do I detect bias in my training data?", "SageMaker Clarify"),
                Arguments.of("Who labels the data for supervised training?", "SageMaker Ground Truth"),
                Arguments.of("Why does a model make up confident but wrong answers?", "Hallucination 幻覺"),
                Arguments.of("How can I block PII in responses from Bedrock?", "Guardrails for Amazon Bedrock"),
                Arguments.of("Does prompt engineering change the model weights?", "Prompt engineering 提示工程"),
                Arguments.of("什麼是微調？", "Fine-tuning 微調"),
                Arguments.of("模型在生產環境中的資料品質偏離", "SageMaker Model Monitor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questionsWithKnownSections")
    void hybridPutsTheKnownSectionInTheTopThree(String question, String heading) {
        List<Hit> hits = index.search(new SearchRequest(question, 3, SearchMode.HYBRID));
        List<String> headings = hits.stream().map(h -> h.chunk().headingPath().get(0)).toList();
        assertTrue(headings.contains(heading), question + " -> " + headings);
    }

    @Test
    void aTraditionalChineseQuestionFindsItsChineseParagraphThroughBm25() {
        List<Hit> hits = index.search(new SearchRequest("自我監督學習的預先訓練", 3, SearchMode.BM25));
        assertFalse(hits.isEmpty());
        Hit top = hits.get(0);
        assertEquals("Pre-training 預訓練", top.chunk().headingPath().get(0));
        assertTrue(top.chunk().text(Language.CHINESE).contains("自我監督學習"));
        assertEquals(1, top.bm25Rank());
        assertTrue(top.bm25Score() > 0);
    }

    @Test
    void aChineseOnlySectionIsFoundByBm25BigramsNotSingleCharacters() {
        List<Hit> hits = index.search(new SearchRequest("可解釋性", 1, SearchMode.BM25));
        assertEquals("透明度與可解釋性", hits.get(0).chunk().headingPath().get(0));
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void hitsGiveBackTheIndexedChunkAndTheQueryChunkCosine(SearchMode mode) {
        String query = "fine-tuning changes the weights";
        float[] queryVector = embedder.embedQuery(query);
        List<Hit> hits = index.search(new SearchRequest(query, 5, mode));
        assertFalse(hits.isEmpty());
        for (Hit hit : hits) {
            assertEquals(chunksById.get(hit.chunk().id()), hit.chunk(), "stored fields rebuild the whole chunk");
            float[] chunkVector = embedder.embed(hit.chunk().textToEmbed());
            assertEquals(VectorSearcher.dot(queryVector, chunkVector), hit.vectorSimilarity(), 1e-4);
        }
    }

    @Test
    void hybridHitsCarryBothListsRanksAndTheFusedScore() {
        List<Hit> hits = index.search(new SearchRequest("SageMaker Clarify SHAP values", 5, SearchMode.HYBRID));
        Hit top = hits.get(0);
        assertEquals("SageMaker Clarify", top.chunk().headingPath().get(0));
        assertTrue(top.bm25Rank() > 0 && top.vectorRank() > 0);
        int k = RetrievalOptions.defaults().rrfK();
        double rrf = 1.0 / (k + top.bm25Rank()) + 1.0 / (k + top.vectorRank());
        assertEquals(rrf, top.score(), 1e-9);
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).score() >= hits.get(i).score(), "sorted by fused score");
        }
    }

    @Test
    void vectorHitsScoreByCosineAndBm25HitsByBm25() {
        Hit vector = index.search(new SearchRequest("labeling data with humans", 1, SearchMode.VECTOR)).get(0);
        assertEquals(vector.vectorSimilarity(), vector.score(), 1e-6);
        assertEquals(1, vector.vectorRank());
        assertEquals(0, vector.bm25Rank());
        Hit bm25 = index.search(new SearchRequest("labeling data with humans", 1, SearchMode.BM25)).get(0);
        assertEquals(bm25.bm25Score(), bm25.score(), 1e-6);
        assertEquals(0, bm25.vectorRank());
    }

    static Stream<Arguments> filtersInEveryMode() {
        List<Arguments> cases = new java.util.ArrayList<>();
        List<Filters> filters = List.of(
                new Filters(Set.of("ethics"), Set.of(), null, null),
                new Filters(Set.of("ml", "ethics"), Set.of(), null, null),
                new Filters(Set.of(), Set.of("security"), null, null),
                new Filters(Set.of(), Set.of(), "aws/", null),
                new Filters(Set.of(), Set.of(), "aws/sage", Language.ENGLISH),
                new Filters(Set.of(), Set.of(), null, Language.ENGLISH),
                new Filters(Set.of("ai"), Set.of("aws"), null, Language.CHINESE));
        for (SearchMode mode : SearchMode.values()) {
            for (Filters filter : filters) {
                cases.add(Arguments.of(mode, filter));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("filtersInEveryMode")
    void filtersHoldInEveryMode(SearchMode mode, Filters filters) {
        List<Hit> hits = index.search(new SearchRequest("model training data 模型", 20, mode, filters));
        long expected = FixtureNotes.all().stream().flatMap(n -> n.chunks().stream())
                .filter(c -> matches(c, filters)).count();
        assertFalse(hits.isEmpty(), "some chunk matches " + filters);
        for (Hit hit : hits) {
            assertTrue(matches(hit.chunk(), filters), hit.chunk().id() + " breaks " + filters);
        }
        assertTrue(hits.size() <= expected);
    }

    private static boolean matches(Chunk chunk, Filters filters) {
        return (filters.tags().isEmpty() || chunk.tags().stream().anyMatch(filters.tags()::contains))
                && (filters.categories().isEmpty()
                        || chunk.categories().stream().anyMatch(filters.categories()::contains))
                && (filters.notePathPrefix() == null || chunk.notePath().startsWith(filters.notePathPrefix()))
                && (filters.language() == null || chunk.languages().contains(filters.language()));
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void queryTextIsNeverQuerySyntax(SearchMode mode) {
        for (String query : List.of("AND OR NOT", "\"unbalanced (quote [", "title:*? ~2 ^3 \\", "the a of", "。，！")) {
            List<Hit> hits = index.search(new SearchRequest(query, 3, mode));
            assertTrue(hits.size() <= 3);
        }
        assertEquals(List.of(), index.search(new SearchRequest("   ", 3, mode)));
    }

    @Test
    void aVeryLongQueryStillSearches() {
        String query = "基礎模型".repeat(500) + " foundation model".repeat(300);
        assertFalse(index.search(new SearchRequest(query, 3, SearchMode.HYBRID)).isEmpty());
    }

    @Test
    void statsCountNotesChunksAndFilterValues() {
        IndexStats stats = index.stats();
        assertEquals(3, stats.notes());
        assertEquals(FixtureNotes.all().stream().mapToInt(n -> n.chunks().size()).sum(), stats.chunks());
        assertEquals("all-minilm-l6-v2-q", stats.modelId());
        assertEquals(384, stats.dimension());
        assertTrue(stats.sizeOnDiskBytes() > 0);
        assertTrue(stats.lastSync() != null);
        assertEquals(List.of("ai", "aws", "ethics", "ml"), List.copyOf(stats.tags()));
        assertEquals(List.of("aws", "security"), List.copyOf(stats.categories()));
    }

    @Test
    void theSectionCapKeepsOneSectionFromFillingThePage(@TempDir Path dir) throws IOException {
        Note longSection = FixtureNotes.note("long.md", "Long", List.of(), List.of(),
                FixtureNotes.section("Vectors", "Vector search finds embeddings near the query vector.", ""),
                FixtureNotes.section("Vectors", "Vector indexes such as HNSW search embeddings quickly.", ""),
                FixtureNotes.section("Vectors", "Vector similarity compares embeddings with the cosine.", ""),
                FixtureNotes.section("Other", "Vector embeddings also power recommendations.", ""));
        for (int cap : new int[] {0, 1, 2}) {
            try (NotesIndex capped = NotesIndex.open(dir.resolve("cap" + cap), embedder,
                    RetrievalOptions.defaults().withMaxPerSection(cap))) {
                capped.sync(FixtureNotes.ingest(longSection), SyncListener.NONE);
                List<Hit> hits = capped.search(new SearchRequest("vector embeddings", 4, SearchMode.HYBRID));
                long fromVectors = hits.stream().filter(h -> h.chunk().anchor().equals("vectors")).count();
                assertEquals(cap == 0 ? 3 : cap, fromVectors, "cap " + cap);
                // reading a section whole (a list question's child sections) lifts the cap for that search
                List<Hit> whole = capped.search(new SearchRequest("vector embeddings", 4, SearchMode.BM25,
                        Filters.NONE, true));
                assertEquals(3, whole.stream().filter(h -> h.chunk().anchor().equals("vectors")).count(), "cap " + cap);
            }
        }
    }

    /**
     * Title, headings and English text are one BM25 field (Anserini's flat index): a word the title, heading and text
     * all repeat is one term frequency that saturates, not three field scores that outweigh a second query word.
     */
    @Test
    void titleHeadingsAndTextAreOneBm25Field(@TempDir Path dir) throws IOException {
        Note repeated = FixtureNotes.note("a.md", "Autoscaling", List.of(), List.of(),
                FixtureNotes.section("Autoscaling", "Autoscaling adds capacity when load grows.", ""));
        Note both = FixtureNotes.note("b.md", "Cluster notes", List.of(), List.of(),
                FixtureNotes.section("Workloads", "Autoscaling changes the number of replicas.", ""));
        Note other = FixtureNotes.note("c.md", "Storage", List.of(), List.of(),
                FixtureNotes.section("Volumes", "Volumes keep data between restarts.", ""));
        try (NotesIndex flat = NotesIndex.open(dir, embedder)) {
            flat.sync(FixtureNotes.ingest(repeated, both, other), SyncListener.NONE);
            List<String> ranked = flat.search(new SearchRequest("autoscaling replicas", 3, SearchMode.BM25)).stream()
                    .map(h -> h.chunk().notePath()).toList();
            assertEquals(List.of("b.md", "a.md"), ranked);
            List<Hit> byTitle = flat.search(new SearchRequest("cluster", 3, SearchMode.BM25));
            assertEquals(List.of("b.md"), byTitle.stream().map(h -> h.chunk().notePath()).toList());
        }
    }
}
