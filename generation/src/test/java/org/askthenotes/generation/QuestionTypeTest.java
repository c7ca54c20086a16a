package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which questions ask for a list, read from the wording alone. */
class QuestionTypeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            What are the three types of machine learning? | LIST
            List the inference parameters that control randomness | LIST
            Which SageMaker tools help prepare data? | LIST
            Which automatic metrics can score generated text? | LIST
            What filters and checks do Guardrails for Amazon Bedrock offer? | LIST
            What are the pricing models of Amazon Bedrock? | LIST
            哪些推論參數控制隨機性？ | LIST
            'And which inference parameters control randomness?' | LIST
            'So, what is top-k?' | DEFINITION
            What are its types? | LIST
            Which AWS service detects bias in training data? | OTHER
            Which SageMaker tool labels training data? | OTHER
            Which process does Bedrock use? | OTHER
            What does temperature do? | OTHER
            What are the differences between RAG and fine-tuning? | DEFINITION
            What are foundation models? | DEFINITION
            什麼是提示工程？ | DEFINITION
            """)
    void aPluralThingAskedForIsAList(String question, QuestionType expected) {
        assertEquals(expected, QuestionType.of(question), question);
    }
}
