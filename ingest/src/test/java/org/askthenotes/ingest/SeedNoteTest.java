package org.askthenotes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real note the project was modelled on, from ../shared/seed (beside the repository, not in it). */
class SeedNoteTest {

    private static final String SEED = "aif-c01-llm-basics.md";

    private static final List<List<String>> EXPECTED_PATHS = List.of(
            List.of("Generative AI Fundamentals"),
            List.of("Generative AI Fundamentals", "Foundation models (基礎模型)"),
            List.of("Generative AI Fundamentals", "生命週期", "1. Data selection 數據選擇"),
            List.of("Generative AI Fundamentals", "生命週期", "2. Pre-training 預訓練"),
            List.of("Generative AI Fundamentals", "生命週期", "3. Optimization 最佳化"),
            List.of("Generative AI Fundamentals", "生命週期", "5. Deployment 部署"),
            List.of("Generative AI Fundamentals", "生命週期", "6. Feedback and continuous improvement 反饋和持續改進"),
            List.of("Generative AI Fundamentals", "Large language models 大型語言模型"),
            List.of("Generative AI Fundamentals", "Large language models 大型語言模型", "Tokens"),
            List.of("Generative AI Fundamentals", "Large language models 大型語言模型", "Embeddings and Vector 嵌入和向量"),
            List.of("Generative AI Fundamentals", "Large language models 大型語言模型", "Embeddings and Vector 嵌入和向量"),
            List.of("Generative AI Fundamentals", "Diffusion models 擴散模型"),
            List.of("Generative AI Fundamentals", "Diffusion models 擴散模型", "Forward diffusion 前向擴散"),
            List.of("Generative AI Fundamentals", "Optimizing model outputs 最佳化模型輸出", "Prompt engineering 提示工程"),
            List.of("Generative AI Fundamentals", "Optimizing model outputs 最佳化模型輸出", "Prompt engineering 提示工程",
                    "example"),
            List.of("Generative AI Fundamentals", "Optimizing model outputs 最佳化模型輸出", "Fine-tuning 微調"),
            List.of("Generative AI Fundamentals", "Optimizing model outputs 最佳化模型輸出",
                    "Retrieval-augmented generation 檢索增強生成"));

    @Test
    void theSeedNoteIngestsWithHeadingPathsFromItsHeadings(@TempDir Path root) throws IOException {
        Path seed = RepoRoot.resolve("../shared/seed").resolve(SEED);
        assumeTrue(Files.isRegularFile(seed), "skipped: " + seed + " is absent (../shared sits beside the"
                + " repository on the project's machines, not in a fresh clone)");
        Files.copy(seed, root.resolve(SEED));

        IngestResult result = NoteFiles.ingest(root);

        assertEquals(List.of(), result.report().problems());
        Note note = result.notes().get(0);
        assertEquals("AWS AIF-C01 llm基礎篇", note.title());
        assertEquals(EXPECTED_PATHS, note.chunks().stream().map(Chunk::headingPath).toList());
        Set<List<String>> chains = headingChains(Files.readAllLines(seed));
        for (Chunk chunk : note.chunks()) {
            assertTrue(chains.contains(chunk.headingPath()), chunk.headingPath() + " is a chain of the note's headings");
            assertEquals(List.of("aws", "ai"), chunk.tags());
            assertEquals(List.of("aws"), chunk.categories());
            assertEquals("2024-10-08 22:44:28", chunk.date());
            assertTrue(NoteFiles.tokenizer().estimateTokenCountInText(chunk.textToEmbed())
                    <= NoteFiles.MAX_TOKENS);
        }
        Chunk tokens = note.chunks().get(8);
        assertEquals("tokens", tokens.anchor());
        assertEquals(73, tokens.startLine());
        assertTrue(tokens.text().startsWith("Tokens are the basic units of text"));
        assertEquals("foundation-models-基礎模型", note.chunks().get(1).anchor());
    }

    /** Every heading's chain of ancestors, read line by line (the seed's only code block holds no '#' lines). */
    private static Set<List<String>> headingChains(List<String> lines) {
        Set<List<String>> chains = new HashSet<>();
        List<String> chain = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        for (String line : lines) {
            int level = 0;
            while (level < line.length() && line.charAt(level) == '#') {
                level++;
            }
            if (level == 0 || level >= line.length() || line.charAt(level) != ' ') {
                continue;
            }
            while (!levels.isEmpty() && levels.get(levels.size() - 1) >= level) {
                levels.remove(levels.size() - 1);
                chain.remove(chain.size() - 1);
            }
            levels.add(level);
            chain.add(line.substring(level).strip().replaceAll("\\s+", " "));
            chains.add(List.copyOf(chain));
        }
        return chains;
    }
}
