package org.askthenotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three in-process models load from their jars and give unit vectors that put related texts close. */
class EmbeddersTest {

    @ParameterizedTest
    @ValueSource(strings = {Embedders.MINILM, Embedders.MINILM_QUANTIZED, Embedders.BGE_SMALL_QUANTIZED})
    void eachModelEmbedsUnitVectorsThatRankRelatedTextsHigher(String name) {
        Embedder embedder = Embedders.create(name);
        assertEquals(name, embedder.modelId());
        assertEquals(384, embedder.dimension());
        List<String> texts = List.of(
                "Fine-tuning trains a pre-trained model further on labeled task data.",
                "A zebra grazes on grass for most of the day.",
                "微調是在特定任務資料上進一步訓練預訓練模型。");
        List<float[]> vectors = embedder.embedAll(texts);
        assertEquals(3, vectors.size());
        for (float[] vector : vectors) {
            assertEquals(384, vector.length);
            assertEquals(1.0, VectorSearcher.dot(vector, vector), 1e-4);
        }
        assertArrayEquals(embedder.embed(texts.get(1)), vectors.get(1), 1e-5f, "embed and embedAll agree");
        float[] query = embedder.embedQuery("How do I adapt a model to my task with labeled data?");
        assertTrue(VectorSearcher.dot(query, vectors.get(0)) > VectorSearcher.dot(query, vectors.get(1)));
    }

    @Test
    void onlyBgeEmbedsQueriesWithItsInstruction() {
        Embedder minilm = Embedders.create(Embedders.DEFAULT);
        assertArrayEquals(minilm.embed("what is rag"), minilm.embedQuery("what is rag"), 1e-6f);
        Embedder bge = Embedders.create(Embedders.BGE_SMALL_QUANTIZED);
        assertFalse(VectorSearcher.dot(bge.embed("what is rag"), bge.embedQuery("what is rag")) > 0.9999);
        assertArrayEquals(bge.embed(Embedders.BGE_QUERY_PREFIX + "what is rag"), bge.embedQuery("what is rag"),
                1e-6f);
    }

    /** Our own ONNX session (no spinning threads) must compute exactly what LangChain4j's stock models compute. */
    @Test
    void theBundledSessionEmbedsLikeLangChain4jsOwnModel() {
        String text = "Retrieval-augmented generation grounds answers in retrieved passages.";
        float[] ours = Embedders.create(Embedders.MINILM).embed(text);
        float[] stock = OnnxEmbedder.normalized(new AllMiniLmL6V2EmbeddingModel().embed(text).content());
        assertArrayEquals(stock, ours, 1e-5f);
        float[] oursQuantized = Embedders.create(Embedders.DEFAULT).embed(text);
        float[] stockQuantized = OnnxEmbedder.normalized(
                new AllMiniLmL6V2QuantizedEmbeddingModel().embed(text).content());
        assertArrayEquals(stockQuantized, oursQuantized, 1e-5f);
        assertTrue(VectorSearcher.dot(ours, oursQuantized) > 0.95, "int8 stays close to fp32");
    }

    /** Embedders.create's session is the embedder's to close; a model passed in stays the caller's. */
    @Test
    void closingACreatedEmbedderClosesItsSessionButNotAModelPassedIn() {
        Embedder created = Embedders.create(Embedders.DEFAULT);
        assertEquals(384, created.embed("before").length);
        created.close();
        assertThrows(RuntimeException.class, () -> created.embed("after"));

        AllMiniLmL6V2EmbeddingModel stock = new AllMiniLmL6V2EmbeddingModel();
        new OnnxEmbedder("stock", stock, "").close();
        assertEquals(384, stock.embed("after").content().dimension());
    }

    /** Ingest knows no model: each model gives its tokenizer and budget, and a note is cut to what it reads. */
    @Test
    void ingestCutsChunksToTheConfiguredModelsBudget(@org.junit.jupiter.api.io.TempDir java.nio.file.Path notes)
            throws java.io.IOException {
        StringBuilder section = new StringBuilder("# Tokens\n\n");
        for (int i = 1; i <= 22; i++) {
            section.append("Sentence ").append(i).append(" says that a token is a piece of a word or a whole word. ");
        }
        java.nio.file.Files.writeString(notes.resolve("tokens.md"), section + "\n");
        org.askthenotes.ingest.TokenBudget minilm = Embedders.tokenBudget(Embedders.DEFAULT);
        org.askthenotes.ingest.TokenBudget bge = Embedders.tokenBudget(Embedders.BGE_SMALL_QUANTIZED);
        assertEquals(254, minilm.maxTokens());
        assertEquals(510, bge.maxTokens());
        int text = minilm.tokens().estimateTokenCountInText(section.toString());
        assertTrue(text > 254 && text < 500, "the section is " + text + " word pieces");
        for (org.askthenotes.ingest.TokenBudget budget : List.of(minilm, bge)) {
            List<org.askthenotes.ingest.Chunk> chunks = new org.askthenotes.ingest.NotesIngestor(
                    org.askthenotes.ingest.IngestOptions.defaults(), budget).ingest(notes).notes().get(0).chunks();
            assertEquals(budget == bge ? 1 : 2, chunks.size(), budget.name());
            chunks.forEach(chunk -> assertTrue(
                    budget.tokens().estimateTokenCountInText(chunk.textToEmbed()) <= budget.maxTokens()));
        }
    }

    @Test
    void aModelOfYourOwnBringsItsOwnBudget() {
        AllMiniLmL6V2EmbeddingModel stock = new AllMiniLmL6V2EmbeddingModel();
        org.askthenotes.ingest.TokenBudget own = new org.askthenotes.ingest.TokenBudget("mine",
                Embedders.tokenBudget(Embedders.DEFAULT).tokens(), 100);
        assertEquals(100, new OnnxEmbedder("my-model", stock, "", own).tokenBudget().maxTokens());
        assertEquals(254, new OnnxEmbedder(Embedders.MINILM, stock, "").tokenBudget().maxTokens());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new OnnxEmbedder("my-model", stock, "").tokenBudget());
        assertTrue(unknown.getMessage().contains("give your model's own TokenBudget"), unknown.getMessage());
    }

    @Test
    void anUnknownModelNameSaysWhichNamesExist() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Embedders.create("text-embedding-3-small"));
        assertEquals("unknown embedding model 'text-embedding-3-small': use one of all-minilm-l6-v2, "
                + "all-minilm-l6-v2-q, bge-small-en-v15-q", error.getMessage());
    }

    @Test
    void embedAllOfNothingIsNothing() {
        assertEquals(List.of(), Embedders.create(Embedders.DEFAULT).embedAll(List.of()));
    }
}
