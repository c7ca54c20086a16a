package org.askthenotes.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.Language;
import org.askthenotes.ingest.Note;
import org.askthenotes.ingest.Passage;

/**
 * Generated study-note text, deterministic for a seed: sentences over a vocabulary of machine-learning and AWS terms
 * with a skewed (Zipf-like) choice of words, so BM25 sees rare and common terms, and a Traditional Chinese passage in
 * about a third of the chunks. Ten chunks make a note.
 */
final class SyntheticCorpus {
    static final int CHUNKS_PER_NOTE = 10;

    private static final String[] TERMS = (
            "model training inference embedding vector token prompt context retrieval generation foundation "
            + "fine-tuning pre-training dataset label bias fairness explainability hallucination guardrail agent "
            + "bedrock sagemaker clarify ground truth monitor drift endpoint latency throughput batch real-time "
            + "transformer attention encoder decoder diffusion gan autoencoder classification regression clustering "
            + "precision recall accuracy f1 rouge bleu perplexity temperature top-p top-k sampling chunk index "
            + "similarity cosine search knowledge base opensearch kendra lex polly rekognition comprehend textract "
            + "translate transcribe personalize forecast fraud detector security iam encryption kms vpc privacy "
            + "governance compliance audit lineage feature store pipeline jumpstart canvas autopilot hyperparameter "
            + "epoch overfitting underfitting regularization dropout gradient loss optimizer learning rate weights "
            + "parameters quantization distillation rlhf reward policy toxicity pii redaction watermark evaluation "
            + "benchmark human review a2i partner provisioned throughput on-demand pricing cost scaling").split(" ");
    private static final String[] FILLER = ("the a of to and in is for with on that by this can be as from it "
            + "an are or which when how more each uses helps makes across between its into without").split(" ");
    private static final String[] CHINESE = ("模型 訓練 推論 嵌入 向量 標記 提示 上下文 檢索 生成 基礎 微調 預訓練 資料集 "
            + "標籤 偏差 公平 可解釋性 幻覺 護欄 代理 端點 延遲 吞吐量 批次 即時 注意力 編碼器 解碼器 分類 迴歸 分群 "
            + "精確度 召回率 準確度 溫度 取樣 索引 相似度 搜尋 知識庫 安全 加密 隱私 治理 合規 稽核 成本").split(" ");

    private final Random random;

    SyntheticCorpus(long seed) {
        this.random = new Random(seed);
    }

    /** A chunk-sized English text of three to six sentences. */
    String text() {
        StringBuilder text = new StringBuilder();
        int sentences = 3 + random.nextInt(4);
        for (int i = 0; i < sentences; i++) {
            text.append(sentence(8 + random.nextInt(13))).append(' ');
        }
        return text.toString().trim();
    }

    /** A question-like query of four to eight words. */
    String query() {
        return sentence(4 + random.nextInt(5));
    }

    String chinese() {
        StringBuilder text = new StringBuilder();
        int words = 10 + random.nextInt(20);
        for (int i = 0; i < words; i++) {
            text.append(CHINESE[skewed(CHINESE.length)]).append(random.nextInt(5) == 0 ? "，" : "");
        }
        return text.append('。').toString();
    }

    boolean nextBoolean(double probability) {
        return random.nextDouble() < probability;
    }

    Random random() {
        return random;
    }

    private String sentence(int words) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = random.nextInt(5) < 2 ? TERMS[skewed(TERMS.length)] : FILLER[random.nextInt(FILLER.length)];
            sentence.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            sentence.append(i == words - 1 ? "." : " ");
        }
        return sentence.toString();
    }

    /** Index i with probability falling like 1 / (i + 1). */
    private int skewed(int size) {
        double u = random.nextDouble();
        return (int) Math.min(size - 1, Math.floor(Math.pow(size + 1, u) - 1));
    }

    /** Notes of {@link #CHUNKS_PER_NOTE} chunks over {@code passages}: one list of passages per chunk. */
    static List<Note> notes(List<List<Passage>> passages, String[] tags) {
        List<Note> notes = new ArrayList<>();
        for (int from = 0; from < passages.size(); from += CHUNKS_PER_NOTE) {
            int noteNumber = from / CHUNKS_PER_NOTE;
            String path = String.format("bench/note-%06d.md", noteNumber);
            String title = "Synthetic note " + noteNumber;
            List<Chunk> chunks = new ArrayList<>();
            for (int i = from; i < Math.min(passages.size(), from + CHUNKS_PER_NOTE); i++) {
                int section = i - from;
                chunks.add(new Chunk("c" + i, path, title, List.of(title, "Section " + section),
                        "section-" + section, section * 10 + 1, section * 10 + 9, passages.get(i),
                        List.of(tags[i % tags.length]), List.of("bench"), ""));
            }
            notes.add(new Note(path, title, "hash-" + noteNumber + "-" + chunks.size(), chunks));
        }
        return notes;
    }

    static List<Passage> passages(String english, String chinese) {
        return chinese.isEmpty()
                ? List.of(new Passage(Language.ENGLISH, english))
                : List.of(new Passage(Language.ENGLISH, english), new Passage(Language.CHINESE, chinese));
    }
}
