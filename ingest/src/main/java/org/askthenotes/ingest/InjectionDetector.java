package org.askthenotes.ingest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots note text that reads like an instruction to an AI model rather than like notes: a prompt-injection
 * attempt planted in a note, or pasted from a web page. Such a passage is still indexed and answered from as data
 * (the prompt fences it in its source block); the flag only tells the reader to be wary of it.
 *
 * <p>What it flags, case-insensitively, outside quotation marks:
 * <ul>
 * <li>a line that opens with a chat role in capitals ({@code SYSTEM:}, {@code ### ASSISTANT:}) or with a role
 * that goes on to give orders ({@code System: you must…}, {@code Assistant: ignore…}), or with a chat-template tag
 * ({@code <|im_start|>}, {@code <|system|>}, {@code [INST]}, {@code <<SYS>>});</li>
 * <li>"ignore / disregard / forget (all) previous / prior / above / earlier instructions / prompts / rules", and
 * the Chinese 忽略／無視（之前／先前／以上／上述）…指示／指令;</li>
 * <li>"you must reply / respond / answer / output only …", "reply only with …";</li>
 * <li>"from now on you are / will / must …", "you are now …", "new instructions:".</li>
 * </ul>
 *
 * <p>What it cannot do: quoted examples (a note about prompt injection that quotes "ignore previous instructions")
 * are deliberately not flagged, so an injection written inside quotation marks passes too; paraphrases, other
 * languages, encodings (Base64, homoglyphs, words split by zero-width characters) and instructions hidden in
 * images or links are not seen. It is a hint for the reader, not a defence: the defence is that the prompt treats
 * every source as data.
 */
public final class InjectionDetector {

    private record Rule(String what, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            // "System: Ubuntu 22.04" is a note; "SYSTEM:" in capitals, or a role that goes on to give orders, is not.
            new Rule("a chat role or template tag", Pattern.compile(
                    "(?m)^\\s*(?:#{1,6}\\s*)?(?:(?:SYSTEM|ASSISTANT|DEVELOPER)\\s*[:：]"
                            + "|(?i:system|assistant|developer)\\s*[:：]\\s*(?i:you|ignore|reply|respond|answer|do not|never"
                            + "|always|forget)\\b"
                            + "|(?i)<\\|\\s*(?:im_start|im_end|system|assistant|user)\\s*\\|>|\\[/?INST]|<<\\s*/?SYS\\s*>>)")),
            new Rule("\"ignore previous instructions\"", Pattern.compile(
                    "(?i)\\b(?:ignore|disregard|forget|override)\\s+(?:all\\s+|any\\s+|the\\s+|your\\s+)*"
                            + "(?:previous|prior|above|earlier|preceding|system)\\s+(?:instructions?|prompts?|rules|directions)")),
            new Rule("\"ignore previous instructions\"", Pattern.compile(
                    "(?:忽略|無視|无视|忽視|忽视)(?:所有|全部)?(?:之前|先前|以上|上述|前面)(?:的)?(?:所有)?(?:指示|指令|提示|規則|规则)")),
            new Rule("\"you must reply only with\"", Pattern.compile(
                    "(?i)\\b(?:you\\s+(?:must|should|will)\\s+(?:only\\s+)?(?:reply|respond|answer|output|say|write)"
                            + "\\s+(?:only\\b|with\\s+only\\b)|(?:reply|respond|answer)\\s+only\\s+with)")),
            new Rule("\"from now on you are\"", Pattern.compile(
                    "(?i)\\b(?:from\\s+now\\s+on,?\\s+you\\s+(?:are|will|must)|you\\s+are\\s+now\\s+(?:a|an|in|DAN)\\b"
                            + "|new\\s+instructions\\s*:)")));

    private InjectionDetector() {
    }

    /**
     * What reads like an instruction to a model, and where.
     *
     * @param reason  "reads like an instruction to an AI model (kind: "the line")"
     * @param excerpt the start of the flagged line, at most 60 characters
     */
    public record Finding(String reason, String excerpt) {
    }

    /** The first passage of the text that reads like an instruction to a model, or null when none does. */
    public static Finding detect(String text) {
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                int at = m.start();
                while (at < m.end() && Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
                if (!quoted(text, at)) {
                    String excerpt = excerpt(text, at);
                    return new Finding("reads like an instruction to an AI model (" + rule.what() + ": \""
                            + excerpt + "\")", excerpt);
                }
            }
        }
        return null;
    }

    /** Inside a quotation on its line: an odd number of straight quotes before it, or an open curly/CJK quote. */
    private static boolean quoted(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        String before = text.substring(lineStart, at);
        long straight = before.chars().filter(c -> c == '"').count();
        return straight % 2 == 1 || opens(before, '“', '”') || opens(before, '「', '」') || opens(before, '『', '』');
    }

    private static boolean opens(String text, char open, char close) {
        return text.lastIndexOf(open) > text.lastIndexOf(close);
    }

    private static String excerpt(String text, int at) {
        int end = text.indexOf('\n', at);
        String line = text.substring(at, end < 0 ? text.length() : end).strip();
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }
}
