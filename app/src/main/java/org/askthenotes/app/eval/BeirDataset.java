package org.askthenotes.app.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IngestReport;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.Language;
import org.askthenotes.ingest.Note;
import org.askthenotes.ingest.Passage;

/**
 * A dataset in BEIR's layout: {@code corpus.jsonl} (or {@code .jsonl.gz}) of {@code {"_id","title","text"}},
 * {@code queries.jsonl} of {@code {"_id","text"}} and {@code qrels/<split>.tsv}.
 */
public record BeirDataset(String name, List<Document> corpus, Map<String, String> queries, Qrels qrels) {

    public record Document(String id, String title, String text) {
    }

    public BeirDataset {
        corpus = List.copyOf(corpus);
        queries = Collections.unmodifiableMap(new LinkedHashMap<>(queries));
    }

    public static BeirDataset read(Path dir) throws IOException {
        return read(dir, "test");
    }

    public static BeirDataset read(Path dir, String split) throws IOException {
        Path corpusFile = firstExisting(dir.resolve("corpus.jsonl"), dir.resolve("corpus.jsonl.gz"));
        Path qrelsFile = dir.resolve("qrels").resolve(split + ".tsv");
        if (!Files.isRegularFile(qrelsFile)) {
            throw new IOException(qrelsFile + ": no such qrels file");
        }
        List<Document> corpus = readCorpus(corpusFile);
        Map<String, String> queries = readQueries(dir.resolve("queries.jsonl"));
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        return new BeirDataset(name, corpus, queries, Qrels.readBeirTsv(qrelsFile));
    }

    /**
     * The queries the qrels judge, in qrels order: BEIR's queries file holds every split, only these are evaluated.
     *
     * @throws IllegalStateException when a judged query has no text in queries.jsonl
     */
    public Map<String, String> judgedQueries() {
        Map<String, String> judged = new LinkedHashMap<>();
        for (String id : qrels.queryIds()) {
            String text = queries.get(id);
            if (text == null) {
                throw new IllegalStateException(name + ": query '" + id + "' is judged in qrels but missing from "
                        + "queries.jsonl");
            }
            judged.put(id, text);
        }
        return judged;
    }

    /**
     * The corpus as ingest output so a NotesIndex can sync it: one note per document with one English chunk whose
     * note path and id are the doc id and whose title is the document title, so title and text are both indexed
     * and embedded (the chunk's breadcrumb is the title).
     */
    public IngestResult toIngestResult() {
        List<Note> notes = corpus.stream().map(BeirDataset::toNote).toList();
        return new IngestResult(notes, new IngestReport(notes.size(), notes.size(), notes.size(), List.of()));
    }

    static Note toNote(Document doc) {
        Chunk chunk = new Chunk(doc.id(), doc.id(), doc.title(), List.of(), "", 1, 1,
                List.of(new Passage(Language.ENGLISH, doc.text())), List.of(), List.of(), "");
        return new Note(doc.id(), doc.title(), sha256(doc.title() + "\n" + doc.text()), List.of(chunk));
    }

    private static List<Document> readCorpus(Path file) throws IOException {
        List<Document> corpus = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        forEachJsonLine(file, (node, line) -> {
            String id = requiredText(node, "_id", file, line);
            if (!ids.add(id)) {
                throw new IOException(file + ":" + line + ": duplicate _id '" + id + "'");
            }
            corpus.add(new Document(id, node.path("title").asText(""), requiredText(node, "text", file, line)));
        });
        return corpus;
    }

    private static Map<String, String> readQueries(Path file) throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        forEachJsonLine(file, (node, line) -> queries.put(requiredText(node, "_id", file, line),
                requiredText(node, "text", file, line)));
        return queries;
    }

    private interface LineHandler {
        void accept(JsonNode node, int line) throws IOException;
    }

    private static void forEachJsonLine(Path file, LineHandler handler) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader reader = open(file)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = mapper.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new IOException(file + ":" + line + ": not valid JSON: " + e.getOriginalMessage(), e);
                }
                handler.accept(node, line);
            }
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static String requiredText(JsonNode node, String field, Path file, int line) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            throw new IOException(file + ":" + line + ": missing field '" + field + "'");
        }
        return value.asText();
    }

    private static Path firstExisting(Path... candidates) throws IOException {
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IOException("no corpus: expected " + candidates[0] + " or " + candidates[1]);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
