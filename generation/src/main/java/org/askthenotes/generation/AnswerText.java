package org.askthenotes.generation;

import java.util.List;
import java.util.function.Consumer;
import org.askthenotes.ingest.Language;

/**
 * Writes picked {@link AnswerUnit}s as Markdown with a [n] marker on every sentence and every list line (before the
 * final stop, where there is one), and
 * hands each piece to the stream as it is written.
 */
final class AnswerText {
    private static final String CJK_ENDS = "。！？：";
    private static final String LATIN_ENDS = ".!?:";

    private AnswerText() {
    }

    static String render(List<AnswerUnit> units, Consumer<String> onDelta) {
        StringBuilder text = new StringBuilder();
        boolean afterLines = false;
        for (AnswerUnit unit : units) {
            String marker = "[" + unit.source() + "]";
            if (unit.kind() == AnswerUnit.Kind.SENTENCE || !unit.leadIn().isEmpty()) {
                String sentence = unit.kind() == AnswerUnit.Kind.SENTENCE ? unit.lines().get(0) : unit.leadIn();
                emit(text, separator(text, afterLines) + cite(sentence, marker), onDelta);
                afterLines = false;
                if (unit.kind() == AnswerUnit.Kind.SENTENCE) {
                    continue;
                }
            }
            for (String line : unit.lines()) {
                // A list may interrupt a paragraph but a paragraph would run on in the last item: a blank line.
                String before = text.length() == 0 ? "" : afterLines || unit.kind() == AnswerUnit.Kind.LIST
                        && !unit.leadIn().isEmpty() ? "\n" : "\n\n";
                emit(text, before + (endsWithStop(line) ? cite(line, marker) : line + " " + marker), onDelta);
                afterLines = true;
            }
        }
        return text.toString();
    }

    private static void emit(StringBuilder text, String piece, Consumer<String> onDelta) {
        text.append(piece);
        onDelta.accept(piece);
    }

    /** Chinese sentences run on without spaces; anything else gets one; text after a list starts a paragraph. */
    private static String separator(CharSequence text, boolean afterLines) {
        if (text.length() == 0) {
            return "";
        }
        if (afterLines) {
            return "\n\n";
        }
        return CJK_ENDS.indexOf(text.charAt(text.length() - 1)) >= 0 ? "" : " ";
    }

    /** A list line that ends as a sentence does ("- **Top-k**: Top-k limits sampling …") is cited as one. */
    private static boolean endsWithStop(String line) {
        char last = line.charAt(line.length() - 1);
        return CJK_ENDS.indexOf(last) >= 0 && last != '：' || ".!?".indexOf(last) >= 0;
    }

    /** The marker goes before the final stop ("... data [1].") so it stays with its sentence when re-split. */
    static String cite(String sentence, String marker) {
        char last = sentence.charAt(sentence.length() - 1);
        boolean cjkEnd = CJK_ENDS.indexOf(last) >= 0;
        if (cjkEnd || LATIN_ENDS.indexOf(last) >= 0) {
            return sentence.substring(0, sentence.length() - 1) + (cjkEnd ? "" : " ") + marker + last;
        }
        return Language.of(sentence) == Language.CHINESE ? sentence + marker + "。" : sentence + " " + marker + ".";
    }
}
