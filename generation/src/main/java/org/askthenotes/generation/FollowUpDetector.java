package org.askthenotes.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a question depends on the conversation before it or stands alone, so that only a real
 * follow-up is searched together with the earlier turns. Joining every question to the previous one let an old
 * topic hijack a new one: after "What is RAG?", "How do I bake sourdough bread?" retrieved RAG and was answered.
 *
 * <p>A question is a follow-up when, and only when, there are earlier turns and it
 * <ul>
 *   <li>opens as a continuation: "and …", "or …", "but …", "also …", "what about …", "how about …"; 「那…」,
 *       「還有…」, 「然後…」, 「而…」;</li>
 *   <li>is an elliptical 「…呢？」 without a question word of its own (「那 top-p 呢？」, not 「什麼是 RAG 呢？」);</li>
 *   <li>refers back with a demonstrative (this, that, these, those; 這, 那) or with a pronoun (it, its, they,
 *       them, their; 它) that nothing earlier in the same question can stand for; or</li>
 *   <li>has no topic of its own: "Why?", "Give me an example", "in Chinese?", 「為什麼？」, 「舉個例子」.</li>
 * </ul>
 * Word lists, not a model: the decision has to be cheap, explainable and the same on every machine. The lists
 * are English and Traditional Chinese, the languages of the notes; a question in another language is judged only
 * by whether it has any topic words.
 */
public final class FollowUpDetector {
    /** The decision and, for the debug view, the rule that made it. */
    public record Decision(boolean followUp, String reason) {
    }

    private static final Pattern EN_WORD = Pattern.compile(
            "[\\p{L}\\p{Nd}&&[^\\p{IsHan}]]+(?:['-][\\p{L}\\p{Nd}&&[^\\p{IsHan}]]+)*");
    private static final Pattern CJK_RUN = Pattern.compile("[\\p{IsHan}]+");

    private static final Set<String> EN_OPENERS = Set.of("and", "or", "but", "also", "plus");
    private static final List<String> EN_OPENING_PHRASES = List.of(
            "what about", "how about", "what of", "same for", "what else", "anything else");
    private static final Set<String> EN_DEMONSTRATIVES = Set.of("this", "these", "those", "former", "latter");
    private static final Set<String> EN_PRONOUNS = Set.of(
            "it", "it's", "its", "itself", "they", "they're", "them", "their", "theirs", "themselves");
    /** "that" is a demonstrative only after these ("what does that mean", "is that true"), not "the model that…". */
    private static final Set<String> THAT_POINTS_AFTER = Set.of(
            "is", "are", "was", "were", "does", "do", "did", "can", "will", "would", "should", "about", "of", "with",
            "in", "on", "for", "to", "from", "and", "or", "but", "explain", "than", "like", "use", "between", "why",
            "how", "what");
    /** "it" before these is the empty subject of "is it possible to…", "what is it called when…". */
    private static final Set<String> DUMMY_IT_BEFORE = Set.of(
            "possible", "true", "called", "important", "necessary", "better", "worth", "best", "ok", "okay", "safe",
            "hard", "easy", "known", "recommended", "required", "needed", "advisable", "common", "likely", "wise",
            "allowed", "bad", "good", "normal", "fine");
    /** Words that carry no topic: function words, question words and the words of "explain more" requests. */
    private static final Set<String> EN_NO_TOPIC = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "then", "so", "as", "at", "by", "for", "from", "in", "into",
            "of", "on", "to", "with", "about", "than", "be", "is", "are", "was", "were", "been", "am", "do", "does",
            "did", "done", "have", "has", "had", "can", "could", "would", "should", "will", "shall", "may", "might",
            "must", "what", "what's", "whats", "how", "why", "when", "where", "which", "who", "whom", "whose", "i",
            "you", "we", "me", "us", "my", "your", "our", "it", "its", "it's", "they", "them", "their", "this", "that",
            "that's", "these", "those", "there", "here", "not", "no", "yes", "any", "some", "all", "each", "one",
            "ones", "also", "too", "again", "more", "most", "else", "other", "others", "instead", "same", "similar",
            "example", "examples", "instance", "detail", "details", "detailed", "mean", "means", "meaning", "explain",
            "elaborate", "expand", "tell", "give", "show", "say", "said", "continue", "go", "difference", "differences",
            "different", "differ", "compare", "compared", "comparison", "versus", "vs", "better", "worse", "best",
            "work", "works", "working", "use", "used", "simply", "simple", "simpler", "short", "shorter", "briefly",
            "summary", "summarize", "list", "please", "thanks", "thank", "exactly", "really", "true", "ok", "okay",
            "sure", "why's", "way", "ways", "thing", "things", "something", "anything", "part", "step", "steps",
            "chinese", "english", "translate", "language", "words", "plus", "former", "latter");

    private static final List<String> ZH_OPENERS = List.of("那", "還有", "然後", "而");
    private static final List<String> ZH_DEMONSTRATIVES = List.of("這", "那", "上述", "前者", "後者");
    private static final List<String> ZH_QUESTION_WORDS = List.of(
            "什麼", "甚麼", "什麽", "怎麼", "怎樣", "如何", "為什麼", "為何", "哪", "誰", "多少", "幾", "是否", "嗎");
    /** Removed before counting a Chinese question's own topic characters; longest first when applied. */
    private static final List<String> ZH_NO_TOPIC = byLengthDescending(List.of(
            "什麼", "甚麼", "什麽", "為什麼", "為何", "怎麼", "怎樣", "如何", "哪些", "哪個", "哪", "誰", "多少", "幾",
            "是否", "嗎", "呢", "吧", "啊", "呀", "的", "了", "是", "有", "和", "與", "跟", "還", "再", "也", "都", "就",
            "又", "多", "說", "講", "用", "個", "些", "這", "那", "它", "們", "我", "你", "他", "可以", "能", "要", "會",
            "請", "一下", "一點", "點", "一", "例子", "舉例", "舉", "更多", "詳細", "解釋", "說明", "意思", "中文",
            "英文", "翻譯", "不同", "差別", "區別", "比較", "樣", "種", "然後", "還有", "所以", "為", "麼", "好"));

    private FollowUpDetector() {
    }

    public static Decision decide(String question, List<Turn> history) {
        if (history.isEmpty()) {
            return new Decision(false, "no earlier turns");
        }
        String text = question.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
        List<String> words = englishWords(text);
        String reason = opener(text, words);
        if (reason == null) {
            reason = ellipticalNe(text);
        }
        if (reason == null) {
            reason = refersBack(text, words);
        }
        if (reason == null && !hasOwnTopic(text, words)) {
            reason = "no topic of its own";
        }
        return reason == null ? new Decision(false, "stands alone") : new Decision(true, reason);
    }

    private static String opener(String text, List<String> words) {
        if (!words.isEmpty() && text.startsWith(words.get(0)) && EN_OPENERS.contains(words.get(0))) {
            return "continues with '" + words.get(0) + "'";
        }
        String joined = String.join(" ", words) + " ";
        for (String phrase : EN_OPENING_PHRASES) {
            if (joined.startsWith(phrase + " ")) {
                return "continues with '" + phrase + "'";
            }
        }
        for (String opener : ZH_OPENERS) {
            if (text.startsWith(opener)) {
                return "continues with 「" + opener + "」";
            }
        }
        return null;
    }

    /** 「top-k 呢？」 asks "and what about top-k?"; 「什麼是 RAG 呢？」 is a whole question softened by 呢. */
    private static String ellipticalNe(String text) {
        String bare = text.replaceAll("[\\s?？。!！]+$", "");
        if (bare.endsWith("呢") && ZH_QUESTION_WORDS.stream().noneMatch(bare::contains)) {
            return "elliptical 「…呢」";
        }
        return null;
    }

    private static String refersBack(String text, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (pointsBack(words, i)) {
                return "refers back with '" + words.get(i) + "'";
            }
        }
        for (String demonstrative : ZH_DEMONSTRATIVES) {
            if (text.contains(demonstrative)) {
                return "refers back with 「" + demonstrative + "」";
            }
        }
        int it = text.indexOf('它');
        if (it >= 0 && !hasOwnTopic(text.substring(0, it), englishWords(text.substring(0, it)))) {
            return "refers back with 「它」";
        }
        return null;
    }

    /**
     * A demonstrative, or a pronoun with no topic word before it in the same question: in "When a model
     * hallucinates, how can I reduce it?" the question itself says what "it" is.
     */
    private static boolean pointsBack(List<String> words, int i) {
        String word = words.get(i);
        String previous = i == 0 ? null : words.get(i - 1);
        String next = i + 1 < words.size() ? words.get(i + 1) : "";
        if (EN_DEMONSTRATIVES.contains(word)) {
            return true;
        }
        if (word.equals("that")) {
            return previous == null || THAT_POINTS_AFTER.contains(previous);
        }
        boolean dummyIt = (word.equals("it") || word.equals("it's")) && DUMMY_IT_BEFORE.contains(next);
        return EN_PRONOUNS.contains(word) && !dummyIt
                && words.subList(0, i).stream().allMatch(EN_NO_TOPIC::contains);
    }

    /** At least one English topic word, or two Chinese characters left once question and filler words go. */
    private static boolean hasOwnTopic(String text, List<String> words) {
        if (words.stream().anyMatch(w -> !EN_NO_TOPIC.contains(w))) {
            return true;
        }
        int topicChars = 0;
        Matcher run = CJK_RUN.matcher(text);
        while (run.find()) {
            String rest = run.group();
            for (String filler : ZH_NO_TOPIC) {
                rest = rest.replace(filler, "");
            }
            topicChars += rest.length();
        }
        return topicChars >= 2;
    }

    private static List<String> englishWords(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = EN_WORD.matcher(text);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    private static List<String> byLengthDescending(List<String> values) {
        return values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
}
