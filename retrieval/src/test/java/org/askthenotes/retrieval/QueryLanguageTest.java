package org.askthenotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryLanguageTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "什麼是微調？ | true",
        "Bedrock 代理如何透過 Lambda 和 OpenAPI 結構描述完成查庫存再下單這類多步驟任務？ | true",
        "Bedrock 代理如何用 Lambda 和 OpenAPI？ | false",
        "What is RAG (檢索增強生成)? | false",
        "How does top-p sampling work? | false",
        "F1 分數和 AUC 分別代表什麼？ | true",
        "12345 ??? | false"})
    void aQueryIsChineseWhenHanCharactersOutnumberLatinLetters(String query, boolean chinese) {
        assertEquals(chinese, QueryLanguage.isMostlyChinese(query));
    }
}
