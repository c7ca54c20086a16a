package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The two sides a learner compares, in the ways learners ask, as the answerer's topic terms. */
class ComparisonTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "What is the difference between fine-tuning and RAG?|fine tune|rag",
            "What are the differences between supervised and unsupervised learning?|supervis|unsupervis learn",
            "Precision vs recall: what's the difference?|precis|recal",
            "Overfitting versus underfitting?|overfit|underfit",
            "How does temperature differ from top-p?|temperatur|top p",
            "How is Bedrock different from SageMaker?|bedrock|sagemak",
            "Compare continued pre-training with instruction fine-tuning.|continu pre train|instruct fine tune",
            "When should I use RAG instead of fine-tuning?|rag|fine tune",
            "Is RAG cheaper than fine-tuning?|rag|fine tune",
            "Are GANs more stable than diffusion models?|gan|diffus model",
            "Zero-shot or few-shot prompting: how do they differ?|zero shot|few shot prompt",
            "RAG 和微調有什麼不同？|rag|微調",
            "精確率和召回率的差別是什麼？|精確 確率|召回 回率",
            "溫度跟 top-p 有什麼不同？|溫度|top p",
            "監督式學習與非監督式學習有何差異？|監督 督式 式學 學習|非監 監督 督式 式學 學習",
            "比較 ROUGE 和 BLEU|roug|bleu",
            "RAG vs 微調：有什麼不同？|rag|微調"})
    void findsBothSides(String question, String first, String second) {
        Comparison comparison = Comparison.of(question).orElseThrow();
        assertEquals(List.of(Set.of(first.split(" ")), Set.of(second.split(" "))), comparison.sides());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "What is fine-tuning?",
            "Which AWS service detects bias in training data?",
            "What are the three types of machine learning?",
            "Should I set temperature low or high when extracting fields from invoices?",
            "What is the difference?",
            "什麼是檢索增強生成？",
            "即時推論和批次推論有什麼不同？為什麼長期來看推論通常比訓練花更多錢？",
            "微調有什麼不同？"})
    void aQuestionThatComparesNothingHasNoSides(String question) {
        assertTrue(Comparison.of(question).isEmpty(), () -> Comparison.of(question).toString());
    }
}
