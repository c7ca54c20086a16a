package org.askthenotes.app.feedback;

import static org.askthenotes.app.feedback.Ratings.citation;
import static org.askthenotes.app.feedback.Ratings.rating;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.askthenotes.app.Main;
import org.askthenotes.app.eval.GoldenQuestion;
import org.askthenotes.app.eval.GoldenSet;
import org.askthenotes.app.feedback.Rating.Thumbs;
import org.askthenotes.app.support.TestNotes;
import org.askthenotes.generation.Citation;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IngestOptions;
import org.askthenotes.ingest.NotesIngestor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** feedback export and stats run in-process over a store of ratings that cite real sections of the bundled notes. */
class FeedbackCommandTest {
    static final String TYPES = "aif-c01-generative-model-types.md";
    static final Citation FORWARD = citation(1, TYPES, "Generative model types", "Diffusion models", "Forward diffusion");
    static final Citation REVERSE = citation(2, TYPES, "Generative model types", "Diffusion models", "Reverse diffusion");
    static final Rating.Section VAE = new Rating.Section(TYPES,
            List.of("Generative model types", "Variational autoencoders (VAEs) 變分自編碼器"));

    @TempDir
    Path dir;
    Path index;

    @BeforeEach
    void ratings() throws Exception {
        index = dir.resolve("index");
        try (FeedbackStore store = FeedbackStore.open(FeedbackStore.folderFor(index))) {
            // Two up votes and one down vote of one question (spelt differently): the section cited first wins.
            store.add(rating("How does a diffusion model add noise?", Thumbs.UP, List.of(REVERSE, FORWARD), null, null));
            store.add(rating("how does a diffusion  model add noise?", Thumbs.UP, List.of(FORWARD), null, null));
            store.add(rating("How does a diffusion model add noise?", Thumbs.DOWN, List.of(REVERSE), "too vague", null));
            // A down vote naming the right section proposes it; one naming none is for review only.
            store.add(rating("變分自編碼器的編碼器做什麼？", Thumbs.DOWN, List.of(FORWARD), "錯的段落", VAE));
            store.add(rating("What is a GAN discriminator?", Thumbs.DOWN, List.of(REVERSE), "unrelated", null));
            // A follow-up is no standalone golden question.
            store.add(Ratings.followUp("And its limits?", Thumbs.UP, List.of(FORWARD)));
        }
    }

    record Run(int exitCode, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(Map.of("ATN_INDEX", index.toString()), dir);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void exportWritesCandidatesTheGoldenSetLoaderAcceptsAndAReviewOfTheDownVotes() throws Exception {
        Path out = dir.resolve("candidates.jsonl");
        Path review = dir.resolve("review.md");
        Run run = run("feedback", "export", "--out", out.toString(), "--review", review.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("6 ratings: 2 golden-set candidates"), run.out());

        GoldenSet golden = GoldenSet.read(out);
        List<Chunk> chunks = new NotesIngestor(IngestOptions.defaults(),
                org.askthenotes.retrieval.Embedders.tokenBudget(org.askthenotes.retrieval.Embedders.DEFAULT)).ingest(TestNotes.bundled()).notes().stream()
                .flatMap(note -> note.chunks().stream()).toList();
        golden.requireSectionsExist(chunks);
        assertEquals(2, golden.questions().size(), golden.questions().toString());

        GoldenQuestion diffusion = golden.questions().get(0);
        assertEquals("fb-1", diffusion.id());
        assertEquals("en", diffusion.language());
        assertEquals(List.of(new GoldenQuestion.Relevant(TYPES, FORWARD.headingPath(), 2)), diffusion.relevant(),
                "two up votes cite Forward diffusion first; the down vote proposes nothing");
        GoldenQuestion vae = golden.questions().get(1);
        assertEquals("zh", vae.language());
        assertEquals(VAE.headingPath(), vae.relevant().get(0).headingPath());

        String markdown = Files.readString(review);
        assertTrue(markdown.contains("3 down votes"), markdown);
        assertTrue(markdown.contains("What is a GAN discriminator?") && markdown.contains("unrelated")
                && markdown.contains("(not named)"), markdown);
        assertTrue(markdown.contains("錯的段落") && markdown.contains("Candidate: `fb-4`"), markdown);
    }

    @Test
    void statsPrintRatesPerNoteAndModeAndTheQuestionsDownvotedMost() throws Exception {
        Run text = run("feedback", "stats");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("Ratings: 6 (3 up, 3 down; down-vote rate 50.0%)"), text.out());

        Run json = run("feedback", "stats", "--json");
        JsonNode stats = new ObjectMapper().readTree(json.out());
        assertEquals(6, stats.get("ratings").asInt());
        JsonNode byMode = stats.get("byMode");
        assertEquals("hybrid", byMode.get(0).get("name").asText(), byMode.toString());
        assertEquals(0.6, byMode.get(0).get("downRate").asDouble(), 1e-9);
        assertEquals(0.0, byMode.get(1).get("downRate").asDouble(), 1e-9);
        JsonNode note = stats.get("byNote").get(0);
        assertEquals(TYPES, note.get("name").asText());
        assertEquals(6, note.get("ratings").asInt());
        JsonNode most = stats.get("mostDownvoted");
        assertEquals(3, most.size());
        assertEquals(List.of("too vague"), new ObjectMapper().convertValue(most.get(0).get("comments"), List.class));
        assertEquals(2, most.get(0).get("up").asInt());
    }

    @Test
    void anExportWithoutSubcommandSaysWhatIsNeeded() {
        Run run = run("feedback");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("export or stats"), run.err());
    }
}
