package org.askthenotes.retrieval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * CC-CEDICT (MDBG, CC BY-SA 4.0; the 2019-05-27 edition, shipped unmodified in this module's resources beside its
 * licence) as headword → cleaned English glosses. Traditional headwords win; a Simplified headword is only a
 * fallback, so a Traditional question reads its own entries.
 */
final class CedictDictionary {
    static final String RESOURCE = "cedict/cedict_ts.u8.gz";

    /** At most this many glosses an entry: later ones are rarer senses that mostly add noise to a query. */
    static final int MAX_GLOSSES = 4;

    /** "Trad Simp [pin yin] /gloss/gloss/". */
    private static final Pattern LINE = Pattern.compile("^(\\S+) (\\S+) \\[[^\\]]*\\] /(.*)/$");
    private static final Pattern PARENTHETICAL = Pattern.compile("\\([^)]*\\)|\\[[^\\]]*\\]");
    /** Glosses that name no meaning: classifiers, surnames, pointers to other entries. */
    private static final Pattern NO_MEANING = Pattern.compile(
            "^(CL:|surname |(old |archaic |Japanese )?variant of |see |used in |abbr\\. for |also written |"
                    + "erhua variant |pr\\. |Taiwan pr\\.).*");
    /** CEDICT's shorthand for somebody / something carries no search term. */
    private static final Pattern SHORTHAND = Pattern.compile("\\b(sb|sth|sb's|sth's|etc)\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Map<String, List<String>> glosses;
    private final int longestHeadword;

    private CedictDictionary(Map<String, List<String>> glosses, int longestHeadword) {
        this.glosses = glosses;
        this.longestHeadword = longestHeadword;
    }

    /** The bundled dictionary, parsed (about half a second); {@link QueryTranslator#bundled()} keeps the one copy. */
    static CedictDictionary bundled() {
        try (InputStream in = CedictDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + CedictDictionary.class);
            }
            return read(new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static CedictDictionary read(BufferedReader reader) throws IOException {
        Map<String, List<String>> traditional = new HashMap<>(150_000);
        Map<String, List<String>> simplified = new HashMap<>(150_000);
        String line;
        while ((line = reader.readLine()) != null) {
            var matcher = LINE.matcher(line);
            if (line.startsWith("#") || !matcher.matches()) {
                continue;
            }
            List<String> cleaned = clean(matcher.group(3).split("/"));
            if (!cleaned.isEmpty()) {
                // a headword with several readings has several lines: their glosses add up, first reading first
                traditional.computeIfAbsent(matcher.group(1), h -> new ArrayList<>()).addAll(cleaned);
                simplified.computeIfAbsent(matcher.group(2), h -> new ArrayList<>()).addAll(cleaned);
            }
        }
        simplified.forEach(traditional::putIfAbsent);
        int longest = 0;
        for (Map.Entry<String, List<String>> entry : traditional.entrySet()) {
            longest = Math.max(longest, entry.getKey().length());
            List<String> all = entry.getValue();
            entry.setValue(List.copyOf(all.subList(0, Math.min(MAX_GLOSSES, all.size()))));
        }
        return new CedictDictionary(traditional, longest);
    }

    /** The glosses that say what a word means, without parentheticals or CEDICT's own shorthand. */
    static List<String> clean(String[] rawGlosses) {
        List<String> cleaned = new ArrayList<>();
        for (String raw : rawGlosses) {
            if (NO_MEANING.matcher(raw).matches() || raw.codePoints().anyMatch(QueryTranslator::isHan)) {
                continue;
            }
            String gloss = raw.indexOf('(') < 0 && raw.indexOf('[') < 0 ? raw : PARENTHETICAL.matcher(raw).replaceAll(" ");
            if (gloss.contains("sb") || gloss.contains("sth") || gloss.contains("etc")) {
                gloss = SHORTHAND.matcher(gloss).replaceAll(" ");
            }
            gloss = SPACES.matcher(gloss).replaceAll(" ").strip();
            if (!gloss.isEmpty() && !cleaned.contains(gloss)) {
                cleaned.add(gloss);
            }
        }
        return cleaned;
    }

    /** The glosses of a headword, empty when the dictionary lacks it. */
    List<String> glosses(String headword) {
        return glosses.getOrDefault(headword, List.of());
    }

    boolean contains(String headword) {
        return glosses.containsKey(headword);
    }

    int longestHeadword() {
        return longestHeadword;
    }
}
