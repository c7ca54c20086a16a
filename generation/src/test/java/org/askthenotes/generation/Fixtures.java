package org.askthenotes.generation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IngestReport;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.Note;
import org.askthenotes.ingest.Language;
import org.askthenotes.ingest.Passage;
import org.askthenotes.retrieval.Hit;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.SyncListener;

/**
 * Chunks as the ingest stage makes them, from a real bilingual study note (AWS AIF-C01 LLM basics), for tests
 * that need sources without an index. Hits are plain data and are built from them directly.
 */
final class Fixtures {
    static final String NOTE = "aws/aif-c01-llm-basics.md";
    static final String TITLE = "AWS AIF-C01 llm基礎篇";

    private Fixtures() {
    }

    static final Chunk FOUNDATION_MODELS = chunk("fm", 14, 21, "foundation-models-基礎模型",
            List.of("Generative AI Fundamentals", "Foundation models (基礎模型)"),
            en("Generative AI is powered by models that are pretrained on internet-scale data called foundation "
                    + "models (FMs). You can adapt a single FM to perform multiple tasks, include text generation, "
                    + "text summarization, information extraction, image generation, chatbot interactions, and "
                    + "question answering."),
            zh("生成式人工智慧由基於互聯網規模資料預訓練的模型提供支持，這些模型稱為基礎模型（FM），可以調整單一 FM 來執行多個任務，"
                    + "包括文字生成、文字摘要、資訊提取、圖像生成、聊天機器人互動和問答。"));

    static final Chunk PRE_TRAINING = chunk("pretrain", 32, 41, "2-pre-training-預訓練",
            List.of("Generative AI Fundamentals", "生命週期", "2. Pre-training 預訓練"),
            en("FMs are typically pre-trained through self-supervised learning."),
            zh("FM 通常是透過自我監督學習進行預先訓練的。"),
            en("After the initial pre-training, the model can be further pre-trained on additional data. This is "
                    + "known as continuous pre-training. The goal is to expand the model's knowledge base and "
                    + "improve its ability to understand and generalize across different domains or tasks."),
            zh("在初始預訓練之後，可以對額外資料進一步對模型進行預訓練。這稱為連續預訓練。目標是擴展模型的知識庫並提高其跨不同領域或任務的理解和泛化能力。"));

    static final Chunk TRANSFORMER = chunk("llm", 64, 67, "large-language-models-大型語言模型",
            List.of("Generative AI Fundamentals", "Large language models 大型語言模型"),
            en("Large language models (LLMs) can be based on a variety of architectures, but the most common "
                    + "architecture in today's state-of-the-art models is the transformer architecture."),
            zh("大型語言模型 ( LLMs ) 可以基於多種架構，但當今最先進的模型中最常見的架構是 Transformer 架構，可以理解和產生類似人類的文本。"));

    static final Chunk TOKENS = chunk("tokens", 69, 76, "tokens",
            List.of("Generative AI Fundamentals", "Large language models 大型語言模型", "Tokens"),
            en("Tokens are the basic units of text that the model processes, provide standardization of input data."),
            zh("標記是模型處理的文字的基本單位, 提供輸入資料的標準化。"));

    static final Chunk EMBEDDINGS = chunk("embeddings", 81, 92, "embeddings-and-vector-嵌入和向量",
            List.of("Generative AI Fundamentals", "Large language models 大型語言模型", "Embeddings and  Vector 嵌入和向量"),
            en("Embeddings are numerical representations of tokens, where each token is assigned a vector (a list "
                    + "of numbers) that captures its meaning and relationships with other tokens."),
            zh("嵌入是標記的數字表示，其中每個標記都分配有一個向量（數字列表），該向量捕獲其含義以及與其他標記的關係。"),
            en("LLMs use these tokens, embeddings, and vectors to understand and generate text. The models can "
                    + "capture complex relationships in language, so they can generate coherent and contextually "
                    + "appropriate text, answer questions, summarize information, and even engage in creative writing."),
            zh("LLMs使用這些標記、嵌入和向量來理解和產生文本。這些模型可以捕捉語言中的複雜關係，因此它們可以產生連貫且適合上下文的文本、回答問題、總結訊息，甚至進行創意寫作。"));

    static final Chunk DIFFUSION = chunk("diffusion", 95, 100, "diffusion-models-擴散模型",
            List.of("Generative AI Fundamentals", "Diffusion models 擴散模型"),
            en("Diffusion is a deep learning architecture system that starts with pure noise or random data. The "
                    + "models gradually add more and more meaningful information to this noise until they end up "
                    + "with a clear and coherent output."),
            zh("Diffusion 是一種從純雜訊或隨機資料開始的深度學習架構系統。這些模型逐漸為這些噪音添加越來越多有意義的訊息，直到最終得到清晰且連貫的輸出。"));

    static final Chunk RAG = chunk("rag", 160, 163, "retrieval-augmented-generation-檢索增強生成",
            List.of("Generative AI Fundamentals", "Optimizing model outputs 最佳化模型輸出",
                    "Retrieval-augmented generation 檢索增強生成"),
            en("Retrieval-augmented generation supplies domain-relevant data as context to produce responses based "
                    + "on that data, and it will not change the weights of the foundation model."),
            zh("檢索增強生成提供領域相關資料作為上下文以根據該資料產生回應，不會改變基礎模型的權重。"));

    static final List<Chunk> ALL = List.of(FOUNDATION_MODELS, PRE_TRAINING, TRANSFORMER, TOKENS, EMBEDDINGS,
            DIFFUSION, RAG);

    /** A real index of the fixture chunks in {@code dir}, as one note. The caller closes it. */
    static NotesIndex index(Path dir) throws IOException {
        NotesIndex index = NotesIndex.open(dir, TestModels.embedder());
        Note note = new Note(NOTE, TITLE, "fixture", ALL);
        index.sync(new IngestResult(List.of(note), new IngestReport(1, 1, ALL.size(), List.of())), SyncListener.NONE);
        return index;
    }

    /** Hits in the given order, as a retriever would rank them; the similarity is what abstention reads. */
    static List<Hit> hits(double similarity, Chunk... chunks) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < chunks.length; i++) {
            hits.add(new Hit(chunks[i], 1.0 / (i + 1), i + 1, 1.0, i + 1, similarity));
        }
        return hits;
    }

    static Chunk chunk(String id, int start, int end, String anchor, List<String> headings, Passage... passages) {
        return new Chunk(NOTE + "#" + id, NOTE, TITLE, headings, anchor, start, end, List.of(passages),
                List.of("aws", "ai"), List.of("aws"), "2024-10-08 22:44:28");
    }

    static Passage en(String text) {
        return new Passage(Language.ENGLISH, text);
    }

    static Passage zh(String text) {
        return new Passage(Language.CHINESE, text);
    }
}
