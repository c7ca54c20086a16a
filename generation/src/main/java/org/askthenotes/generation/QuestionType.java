package org.askthenotes.generation;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What shape of answer a question asks for, read from its wording alone: a definition ("What is X?", "什麼是 X？"),
 * a list ("What are the four …?", "Which … are", "Which tools …", "What are the pricing models …", "List …",
 * "Name the …", "哪些"), or anything else.
 */
enum QuestionType {
    DEFINITION, LIST, OTHER;

    private static final String NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten";
    /** A plural noun, roughly: a word ending in one s ("tools", "metrics"; not "process", "bias" or "AWS"). */
    private static final String PLURAL = "(?!aws\\b)[a-z][a-z-]*[a-rt-z]s";
    private static final Pattern LIST_EN = Pattern.compile(
            "^(?:list|name|enumerate)\\b|\\bwhich (?:\\w+ )?(?:are|were)\\b|\\bwhat are the (?:\\d+|" + NUMBER_WORDS + "|main|key|different)\\b"
                    + "|\\b(?:\\d+|" + NUMBER_WORDS + ") (?:\\w+ )?(?:parts|types|kinds|steps|stages|components"
                    + "|characteristics|categories|principles|pillars|elements|ways|examples)\\b"
                    // "Which SageMaker tools help …", "What filters and checks do Guardrails offer?"
                    + "|^(?:which|what) (?:[\\w-]+ ){0,3}?" + PLURAL + " (?:do|does|can|could|should|help|control|are)\\b"
                    // "What are the pricing models of Amazon Bedrock?", "What are its types?"; not "… the differences …"
                    + "|^what are (?:the|its|their) (?!differences?\\b|similarities\\b)(?:[\\w-]+ ){0,2}?" + PLURAL + "\\b");
    private static final Pattern LIST_ZH = Pattern.compile("哪些|哪幾|有哪|列出|幾[個種項類步]|[二兩三四五六七八九十\\d][個種項類大步]");
    private static final Pattern DEFINITION_EN = Pattern.compile(
            "^(?:what(?:'s| is| are)|define|what does .+ mean|what is meant by|meaning of)\\b");
    private static final Pattern DEFINITION_ZH = Pattern.compile("什麼是|什么是|何謂|是什麼|是什么|是指什麼|的定義");
    private static final Pattern COUNT = Pattern.compile("\\b(\\d{1,2}|" + NUMBER_WORDS + ")\\b|([二兩三四五六七八九十])[個種項類大步]");
    /** A follow-up's first word links it to the conversation: "And which parameters control randomness?". */
    private static final Pattern LEADING_LINK = Pattern.compile("^(?:and|so|then|also|but|ok(?:ay)?)\\b[,\\s]*");
    private static final String ZH_DIGITS = "一二三四五六七八九十";

    static QuestionType of(String question) {
        String q = LEADING_LINK.matcher(question.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
        if (LIST_EN.matcher(q).find() || LIST_ZH.matcher(q).find()) {
            return LIST;
        }
        if (DEFINITION_EN.matcher(q).find() || DEFINITION_ZH.matcher(q).find()) {
            return DEFINITION;
        }
        return OTHER;
    }

    /** The number of items a list question names ("the four parts", "五個特性"), if any. */
    static OptionalInt count(String question) {
        Matcher m = COUNT.matcher(question.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return OptionalInt.empty();
        }
        if (m.group(2) != null) {
            String zh = m.group(2).replace('兩', '二');
            return OptionalInt.of(ZH_DIGITS.indexOf(zh) + 1);
        }
        String word = m.group(1);
        if (word.chars().allMatch(Character::isDigit)) {
            return OptionalInt.of(Integer.parseInt(word));
        }
        return OptionalInt.of(java.util.Arrays.asList(("one|" + NUMBER_WORDS).split("\\|")).indexOf(word) + 1);
    }
}
