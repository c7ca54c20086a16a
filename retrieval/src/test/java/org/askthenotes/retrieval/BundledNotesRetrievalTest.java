package org.askthenotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Retrieval over the bundled sample notes, ingested by the real ingestor, judged by the golden question set. */
class BundledNotesRetrievalTest {
    @TempDir
    static Path indexDir;

    static IngestResult ingest;
    static NotesIndex index;

    @BeforeAll
    static void indexBundledNotes() throws IOException {
        ingest = BundledNotes.ingest(BundledNotes.notesDir());
        index = NotesIndex.open(indexDir, Embedders.create(Embedders.DEFAULT));
        index.sync(ingest, SyncListener.NONE);
    }

    @AfterAll
    static void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    /** A golden question and the note path + heading path of its best (grade 2) sections. */
    record Golden(String id, String question, Set<String> best) {
    }

    static List<Golden> golden() throws IOException {
        Path file = BundledNotes.repoFile("docs/eval/golden.jsonl");
        assumeTrue(Files.isRegularFile(file), "the golden question set is not at " + file);
        ObjectMapper json = new ObjectMapper();
        List<Golden> golden = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode entry = json.readTree(line);
            if (entry.path("offTopic").asBoolean(false)) {
                continue;
            }
            Set<String> best = new HashSet<>();
            for (JsonNode relevant : entry.get("relevant")) {
                if (relevant.get("grade").asInt() == 2) {
                    List<String> headings = new ArrayList<>();
                    relevant.get("headingPath").forEach(h -> headings.add(h.asText()));
                    best.add(relevant.get("notePath").asText() + " " + headings);
                }
            }
            golden.add(new Golden(entry.get("id").asText(), entry.get("question").asText(), best));
        }
        return golden;
    }

    private static boolean isBest(Golden golden, Chunk chunk) {
        return golden.best().contains(chunk.notePath() + " " + chunk.headingPath());
    }

    /**
     * The golden set's best sections in hybrid's top 3. Measured 0.91 with the first BM25 and about 0.96 since BM25
     * matches each script in its own fields (docs/evaluation.md); the floor leaves room for a changed chunker, not
     * for a broken ranker.
     */
    @Test
    void hybridPutsTheBestSectionInTheTopThreeForMostGoldenQuestions() throws IOException {
        List<Golden> questions = golden();
        List<String> misses = new ArrayList<>();
        for (Golden golden : questions) {
            List<Hit> hits = index.search(new SearchRequest(golden.question(), 3, SearchMode.HYBRID));
            if (hits.stream().noneMatch(h -> isBest(golden, h.chunk()))) {
                misses.add(golden.id());
            }
        }
        double hitAt3 = 1 - misses.size() / (double) questions.size();
        assertTrue(hitAt3 >= 0.92, "hit@3 " + hitAt3 + ", missed " + misses);
    }

    static Stream<Arguments> questionsWithKnownSections() {
        return Stream.of(
                Arguments.of("Which metric compares a summary with a reference by n-gram recall?", "ROUGE"),
                Arguments.of("How do humans label training images for SageMaker?", "SageMaker Ground Truth"),
                Arguments.of("What does temperature do to the randomness of the output?", "Temperature 溫度"),
                Arguments.of("How do I get the model to reason step by step?",
                        "Chain-of-thought prompting 思維鏈提示"),
                Arguments.of("核心抽樣 top-p 是什麼？", "Top-p 核心抽樣"),
                Arguments.of("如何用 KMS 金鑰加密訓練資料？", "Encryption with AWS KMS 以 KMS 加密"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questionsWithKnownSections")
    void hybridPutsAKnownSectionInTheTopThree(String question, String heading) {
        List<Hit> hits = index.search(new SearchRequest(question, 3, SearchMode.HYBRID));
        List<String> headings = hits.stream().map(h -> last(h.chunk().headingPath())).toList();
        assertTrue(headings.contains(heading), question + " -> " + headings);
    }

    @Test
    void aTraditionalChineseQuestionFindsItsChineseParagraphThroughBm25() {
        List<Hit> hits = index.search(new SearchRequest("不會寫程式的業務分析師要怎麼建立預測模型？", 3, SearchMode.BM25));
        Chunk top = hits.get(0).chunk();
        assertEquals("aif-c01-sagemaker.md", top.notePath());
        assertEquals("SageMaker Canvas", last(top.headingPath()));
        assertTrue(top.text(Language.CHINESE).contains("業務分析師"), top.text(Language.CHINESE));
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void filtersHoldOnTheBundledNotes(SearchMode mode) {
        Filters security = new Filters(Set.of("security"), Set.of(), null, null);
        List<Hit> hits = index.search(new SearchRequest("how do I encrypt and audit model access", 10, mode, security));
        assertFalse(hits.isEmpty());
        hits.forEach(h -> assertTrue(h.chunk().tags().contains("security"), h.chunk().notePath()));
        Filters prefix = new Filters(Set.of(), Set.of(), "aif-c01-sage", Language.CHINESE);
        List<Hit> sagemaker = index.search(new SearchRequest("model monitoring drift", 10, mode, prefix));
        assertFalse(sagemaker.isEmpty());
        sagemaker.forEach(h -> {
            assertEquals("aif-c01-sagemaker.md", h.chunk().notePath());
            assertTrue(h.chunk().languages().contains(Language.CHINESE));
        });
    }

    @Test
    void statsListTheBundledNotesTagsAndCategories() {
        IndexStats stats = index.stats();
        assertEquals(ingest.notes().size(), stats.notes());
        assertEquals(ingest.report().chunks(), stats.chunks());
        assertTrue(stats.tags().containsAll(Set.of("aws", "ai", "security")), stats.tags().toString());
        assertTrue(stats.categories().containsAll(Set.of("aws", "security")), stats.categories().toString());
    }

    private static String last(List<String> headings) {
        return headings.get(headings.size() - 1);
    }
}
