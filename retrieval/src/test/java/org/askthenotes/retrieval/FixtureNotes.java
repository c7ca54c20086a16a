package org.askthenotes.retrieval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IngestReport;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.Language;
import org.askthenotes.ingest.Note;
import org.askthenotes.ingest.Passage;
import org.askthenotes.ingest.Problem;

/**
 * Small bilingual notes built by hand, shaped like the ingest module's output (English paragraph, then its
 * Traditional Chinese counterpart), for tests that must not wait for the ingestor.
 */
final class FixtureNotes {
    private FixtureNotes() {
    }

    record Section(String heading, List<Passage> passages) {
    }

    static Section section(String heading, String english, String chinese) {
        List<Passage> passages = new ArrayList<>();
        if (!english.isEmpty()) {
            passages.add(new Passage(Language.ENGLISH, english));
        }
        if (!chinese.isEmpty()) {
            passages.add(new Passage(Language.CHINESE, chinese));
        }
        return new Section(heading, passages);
    }

    /** One chunk per section, ids and hash derived from the content like the real chunker's. */
    static Note note(String path, String title, List<String> tags, List<String> categories, Section... sections) {
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder content = new StringBuilder(path).append('\n').append(title).append('\n');
        int line = 10;
        for (Section section : sections) {
            String anchor = slug(section.heading());
            String text = section.passages().stream().map(Passage::text).reduce("", (a, b) -> a + "\n" + b);
            int lines = 2 + 2 * section.passages().size();
            chunks.add(new Chunk(sha256(path + "#" + anchor + "\n" + text).substring(0, 16), path, title,
                    List.of(section.heading()), anchor, line, line + lines - 1, section.passages(), tags, categories,
                    "2024-10-08"));
            line += lines;
            content.append(section.heading()).append('\n').append(text).append('\n');
        }
        return new Note(path, title, sha256(content.toString()), chunks);
    }

    static IngestResult ingest(List<Note> notes, String... skippedPaths) {
        List<Problem> problems = new ArrayList<>();
        for (String path : skippedPaths) {
            problems.add(new Problem(path, 1, Problem.Severity.ERROR, "front matter is not valid YAML"));
        }
        int chunks = notes.stream().mapToInt(n -> n.chunks().size()).sum();
        return new IngestResult(notes, new IngestReport(notes.size() + skippedPaths.length, notes.size(), chunks,
                problems));
    }

    static IngestResult ingest(Note... notes) {
        return ingest(List.of(notes));
    }

    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).trim().replaceAll("[^\\p{L}\\p{N}\\s-]", "").replaceAll("\\s+", "-");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final Note LLM_BASICS = note("aws/llm-basics.md", "AWS AIF-C01 LLM basics", List.of("aws", "ai"),
            List.of("aws"),
            section("Foundation models (基礎模型)",
                    "Generative AI is powered by models that are pretrained on internet-scale data called foundation "
                            + "models (FMs). You can adapt a single FM to perform multiple tasks, including text "
                            + "generation, summarization, information extraction and question answering.",
                    "生成式人工智慧由基於互聯網規模資料預訓練的模型提供支持，這些模型稱為基礎模型（FM），"
                            + "可以調整單一 FM 來執行多個任務，包括文字生成、文字摘要、資訊提取和問答。"),
            section("Pre-training 預訓練",
                    "FMs are typically pre-trained through self-supervised learning on unlabeled data. Continuous "
                            + "pre-training on additional data expands the model's knowledge base.",
                    "FM 通常是透過自我監督學習在未標記的資料上進行預先訓練。在額外資料上的連續預訓練可以擴展模型的知識庫。"),
            section("Fine-tuning 微調",
                    "Fine-tuning adapts a pre-trained model to a specific task by training it further on a smaller, "
                            + "labeled, task-specific dataset, which changes the model's weights.",
                    "微調是在較小的、已標記的特定任務資料集上進一步訓練預訓練模型，使其適應特定任務，這會改變模型的權重。"),
            section("Prompt engineering 提示工程",
                    "Prompt engineering improves a model's output by writing better instructions, context and "
                            + "examples into the prompt, without changing the model's weights.",
                    "提示工程透過在提示中撰寫更好的指示、上下文和範例來改善模型的輸出，而不改變模型的權重。"));

    static final Note SAGEMAKER = note("aws/sagemaker.md", "Amazon SageMaker", List.of("aws", "ml"),
            List.of("aws"),
            section("SageMaker Clarify",
                    "SageMaker Clarify detects bias in training data and in model predictions, and explains "
                            + "predictions with feature attributions based on SHAP values.",
                    "SageMaker Clarify 可偵測訓練資料和模型預測中的偏差，並使用基於 SHAP 值的特徵歸因來解釋預測。"),
            section("SageMaker Ground Truth",
                    "SageMaker Ground Truth builds labeled training datasets with human labelers, including "
                            + "Amazon Mechanical Turk workers, and active learning.",
                    "SageMaker Ground Truth 透過人工標記人員（包括 Amazon Mechanical Turk 工作者）和主動學習來建立已標記的訓練資料集。"),
            section("SageMaker Model Monitor",
                    "SageMaker Model Monitor watches models in production and alerts when data quality or model "
                            + "quality drifts from the baseline.",
                    "SageMaker Model Monitor 監控生產環境中的模型，當資料品質或模型品質偏離基準時發出警報。"));

    static final Note RESPONSIBLE_AI = note("security/responsible-ai.md", "Responsible AI", List.of("ai", "ethics"),
            List.of("security"),
            section("Hallucination 幻覺",
                    "A hallucination is a confident answer from a model that is not supported by its training data "
                            + "or by the given context; grounding answers in retrieved documents reduces it.",
                    "幻覺是指模型給出的自信回答並沒有訓練資料或給定上下文的支持；以檢索到的文件作為回答依據可以減少幻覺。"),
            section("Guardrails for Amazon Bedrock",
                    "Guardrails for Amazon Bedrock filter harmful content, block denied topics and redact "
                            + "personally identifiable information (PII) in prompts and responses.",
                    ""),
            section("透明度與可解釋性",
                    "",
                    "透明度是指讓使用者了解模型如何做出決策；可解釋性工具可以說明每個特徵對預測結果的貢獻。"));

    static List<Note> all() {
        return List.of(LLM_BASICS, SAGEMAKER, RESPONSIBLE_AI);
    }
}
