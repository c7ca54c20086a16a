package org.askthenotes.retrieval;

/** Tells a Chinese question from an English one, to weigh the lists that read each language well. */
final class QueryLanguage {
    private QueryLanguage() {
    }

    /**
     * More Han characters than Latin letters: "Bedrock 代理如何透過 Lambda 完成多步驟任務" is Chinese, "What is RAG
     * (檢索增強生成)?" is English.
     */
    static boolean isMostlyChinese(String query) {
        int han = 0;
        int latin = 0;
        for (int i = 0; i < query.length(); ) {
            int codePoint = query.codePointAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
            if (script == Character.UnicodeScript.HAN) {
                han++;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
            }
            i += Character.charCount(codePoint);
        }
        return han > latin;
    }
}
