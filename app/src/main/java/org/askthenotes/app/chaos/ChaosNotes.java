package org.askthenotes.app.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.Note;
import org.askthenotes.ingest.NotesIngestor;
import org.askthenotes.retrieval.NotesIndex;

/** A generated notes folder the chaos trials edit, and what a clean ingest of a folder puts in an index. */
final class ChaosNotes {
    private static final List<String> WORDS = List.of("bucket", "lambda", "vector", "index", "embedding", "token",
            "shard", "replica", "commit", "segment", "query", "ranking", "latency", "throughput", "cache", "queue",
            "stream", "batch", "model", "prompt", "guardrail", "policy", "region", "subnet", "gateway", "function",
            "table", "partition", "snapshot", "backup", "restore", "encryption", "key", "role", "audit", "metric");

    private final Random random;

    ChaosNotes(Random random) {
        this.random = random;
    }

    /** Writes {@code count} notes of a few sections each. */
    void generate(Path folder, int count) throws IOException {
        Files.createDirectories(folder.resolve("topics"));
        for (int i = 0; i < count; i++) {
            write(folder, "topics/note-" + i + ".md");
        }
    }

    /** Rewrites, adds and deletes a share of the notes, as a day of editing would. */
    void edit(Path folder, double share) throws IOException {
        List<Path> notes;
        try (Stream<Path> files = Files.walk(folder)) {
            notes = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        for (Path note : notes) {
            double roll = random.nextDouble();
            if (roll < share * 0.8) {
                write(folder, folder.relativize(note).toString());
            } else if (roll < share) {
                Files.delete(note);
            }
        }
        for (int i = 0; i < Math.max(1, notes.size() * share / 4); i++) {
            write(folder, "topics/new-" + random.nextInt(1_000_000) + ".md");
        }
    }

    private void write(Path folder, String path) throws IOException {
        StringBuilder text = new StringBuilder("# ").append(words(3)).append("\n\n");
        int sections = 2 + random.nextInt(5);
        for (int s = 0; s < sections; s++) {
            text.append("## ").append(words(2)).append("\n\n");
            for (int p = 1 + random.nextInt(4); p > 0; p--) {
                text.append(sentence()).append(' ').append(sentence()).append(' ').append(sentence()).append("\n\n");
            }
        }
        Files.writeString(folder.resolve(path), text);
    }

    private String sentence() {
        String words = words(8 + random.nextInt(12));
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".";
    }

    private String words(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return out.toString();
    }

    /** What {@link NotesIndex#contents()} holds after a clean sync of this ingest. */
    static SortedMap<String, String> contents(IngestResult clean) {
        SortedMap<String, String> chunks = new TreeMap<>();
        for (Note note : clean.notes()) {
            for (Chunk chunk : note.chunks()) {
                chunks.put(chunk.id(), NotesIndex.describe(chunk));
            }
        }
        return chunks;
    }

    /** Contents grouped by note path: what a search sees of each note. */
    static SortedMap<String, SortedMap<String, String>> byNote(SortedMap<String, String> contents) {
        SortedMap<String, SortedMap<String, String>> notes = new TreeMap<>();
        contents.forEach((id, text) -> notes.computeIfAbsent(text.substring(0, text.indexOf('\n')),
                k -> new TreeMap<>()).put(id, text));
        return notes;
    }

    static IngestResult cleanIngest(NotesIngestor ingestor, Path folder) {
        return ingestor.ingest(folder);
    }
}
