package org.askthenotes.ingest;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes real note files for tests and ingests them with the real parser and tokenizer. */
final class NoteFiles {

    /** The bundled models' budget (all-MiniLM-L6-v2 reads 256 word pieces, [CLS] and [SEP] included). */
    static final int MAX_TOKENS = 254;

    private NoteFiles() {
    }

    /** The tokenizer and budget the default embedding model gives ingest in the app (retrieval's Embedders). */
    static TokenBudget budget() {
        return budget(MAX_TOKENS);
    }

    static TokenBudget budget(int maxTokens) {
        return new TokenBudget("BERT word pieces", tokenizer(), maxTokens);
    }

    static Path write(Path root, String relativePath, String text) {
        return writeBytes(root, relativePath, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path writeBytes(Path root, String relativePath, byte[] bytes) {
        try {
            Path file = root.resolve(relativePath);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IngestResult ingest(Path root) {
        return new NotesIngestor(IngestOptions.defaults(), NoteFiles.budget()).ingest(root);
    }

    static IngestResult ingest(Path root, int maxChunkTokens) {
        return new NotesIngestor(IngestOptions.defaults(), budget(maxChunkTokens)).ingest(root);
    }

    /** Writes one note and returns its only Note, failing if the run reported anything. */
    static Note ingestOne(Path root, String text) {
        write(root, "note.md", text);
        IngestResult result = ingest(root);
        if (!result.report().problems().isEmpty() || result.notes().size() != 1) {
            throw new AssertionError("expected one clean note, got " + result.report());
        }
        return result.notes().get(0);
    }

    static List<Passage> passages(Note note) {
        return note.chunks().stream().flatMap(chunk -> chunk.passages().stream()).toList();
    }

    static HuggingFaceTokenCountEstimator tokenizer() {
        return new HuggingFaceTokenCountEstimator();
    }

    /** An English sentence of roughly {@code words} word pieces, numbered so each is distinct. */
    static String english(int n, int words) {
        StringBuilder text = new StringBuilder("Sentence " + n + " explains");
        for (int i = 0; i < words; i++) {
            text.append(' ').append(WORDS.get((n * 7 + i) % WORDS.size()));
        }
        return text.append('.').toString();
    }

    /** A Chinese sentence of {@code chars} Han characters (each one word piece). */
    static String chinese(int n, int chars) {
        StringBuilder text = new StringBuilder("第" + n + "句說明");
        for (int i = 0; i < chars; i++) {
            text.append(HAN.charAt((n * 5 + i) % HAN.length()));
        }
        return text.append('。').toString();
    }

    private static final List<String> WORDS = List.of("foundation", "models", "learn", "from", "large", "data",
            "and", "adapt", "to", "many", "tasks", "such", "as", "summaries", "answers", "translation", "code");
    private static final String HAN = "基礎模型從大量資料學習並適應許多任務例如摘要回答翻譯程式";
}
