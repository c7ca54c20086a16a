package org.askthenotes.ingest;

import dev.langchain4j.model.TokenCountEstimator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cuts a note's sections into chunks whose text to embed stays within a word-piece budget.
 *
 * <p>A chunk never holds two sections, with one exception: a tiny section (under {@link #TINY_SECTION_TOKENS}
 * of body) joins its parent's chunk, or the next section's when it has no parent (see {@code Homes#home}),
 * prefixed by its own heading so the words keep their context. Within a section, blocks are packed in order; an English block directly followed
 * by a Chinese one is a pair that is only split when the pair alone is over budget. A block over budget is split
 * at lines, then sentences, then words.
 */
final class Chunker {

    /** A section whose body is shorter than this many word pieces is merged rather than indexed alone. */
    static final int TINY_SECTION_TOKENS = 40;

    /** The ordinal of a chunk that is only measured, never returned: it needs no id. */
    private static final int DRAFT = -1;

    /** What every chunk of one note shares. */
    record NoteInfo(String path, String title, List<String> tags, List<String> categories, String date) {
    }

    private final TokenCountEstimator tokens;
    private final int budget;

    Chunker(TokenCountEstimator tokens, int budget) {
        this.tokens = tokens;
        this.budget = budget;
    }

    List<Chunk> chunk(NoteInfo note, List<Section> sections) {
        Map<Integer, List<List<SourceBlock>>> groups = new TreeMap<>();
        int[] homes = new Homes(sections).all();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            if (section.blocks().isEmpty()) {
                continue;
            }
            Section owner = sections.get(homes[i]);
            List<List<SourceBlock>> units = pairs(section.blocks());
            if (homes[i] != i && !section.headingPath().isEmpty()) {
                units.get(0).add(0, headingBlock(section, owner, i));
            }
            groups.computeIfAbsent(homes[i], k -> new ArrayList<>()).addAll(units);
        }
        List<Chunk> chunks = new ArrayList<>();
        groups.forEach((ownerIndex, units) -> {
            Section owner = sections.get(ownerIndex);
            List<List<SourceBlock>> packed = pack(note, owner, units);
            // A piece that is only whitespace (a blank line of code) must not become a chunk of its own.
            packed.removeIf(blocks -> passages(blocks).isEmpty());
            for (int ordinal = 0; ordinal < packed.size(); ordinal++) {
                chunks.add(chunk(note, owner, packed.get(ordinal), ordinal));
            }
        });
        return chunks;
    }

    /** English-then-Chinese neighbours travel together; every other block is a unit on its own. */
    private static List<List<SourceBlock>> pairs(List<SourceBlock> blocks) {
        List<List<SourceBlock>> units = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            List<SourceBlock> unit = new ArrayList<>();
            unit.add(blocks.get(i));
            if (blocks.get(i).language() == Language.ENGLISH && i + 1 < blocks.size()
                    && blocks.get(i + 1).language() == Language.CHINESE) {
                unit.add(blocks.get(++i));
            }
            units.add(unit);
        }
        return units;
    }

    /** The merged section's headings below the owner's, so its words keep the context their heading gave. */
    private static SourceBlock headingBlock(Section section, Section owner, int index) {
        List<String> path = section.headingPath();
        List<String> ownerPath = owner.headingPath();
        List<String> own = path.size() > ownerPath.size() && path.subList(0, ownerPath.size()).equals(ownerPath)
                ? path.subList(ownerPath.size(), path.size()) : List.of(section.heading());
        String text = String.join(Chunk.PATH_SEPARATOR, own);
        return new SourceBlock(section.headingLine(), section.headingLine(), Language.of(text), text,
                -1 - index);
    }

    private List<List<SourceBlock>> pack(NoteInfo note, Section owner, List<List<SourceBlock>> units) {
        return pack(note, owner, new ArrayList<>(), units);
    }

    /** Greedy: fill the current chunk unit by unit; a unit too big on its own is split and keeps filling it. */
    private List<List<SourceBlock>> pack(NoteInfo note, Section owner, List<SourceBlock> start,
                                         List<List<SourceBlock>> units) {
        List<List<SourceBlock>> chunks = new ArrayList<>();
        List<SourceBlock> current = start;
        int next = 0;
        while (next < units.size()) {
            int taken = fitting(note, owner, current, units, next);
            if (taken > 0) {
                current = joined(current, units.subList(next, next + taken));
                next += taken;
                continue;
            }
            List<SourceBlock> unit = units.get(next++);
            if (fits(note, owner, unit)) {
                chunks.add(current);
                current = new ArrayList<>(unit);
                continue;
            }
            List<List<SourceBlock>> smaller = smaller(unit);
            if (smaller.size() == 1) {
                // One character over budget: only a heading chain longer than the budget gets here.
                chunks.add(current);
                chunks.add(unit);
                current = new ArrayList<>();
                continue;
            }
            List<List<SourceBlock>> split = pack(note, owner, current, smaller);
            chunks.addAll(split.subList(0, split.size() - 1));
            current = new ArrayList<>(split.get(split.size() - 1));
        }
        chunks.add(current);
        chunks.removeIf(List::isEmpty);
        return chunks;
    }

    /**
     * How many units from {@code from} on join {@code current} and still fit: the answer of adding them one at a
     * time, found by doubling then bisecting. Measuring the chunk once per unit made a long run of small units
     * (the words of an unpunctuated 1 MB line) cost a chunk's worth of tokenizing per word; this costs a few
     * measurements per chunk.
     */
    private int fitting(NoteInfo note, Section owner, List<SourceBlock> current, List<List<SourceBlock>> units,
                        int from) {
        int remaining = units.size() - from;
        int fit = 0;
        int tooMany = -1;
        for (int step = 1; tooMany < 0 && fit < remaining; step *= 2) {
            int probe = Math.min(fit + step, remaining);
            if (fits(note, owner, joined(current, units.subList(from, from + probe)))) {
                fit = probe;
            } else {
                tooMany = probe;
            }
        }
        while (tooMany - fit > 1) {
            int middle = (fit + tooMany) >>> 1;
            if (fits(note, owner, joined(current, units.subList(from, from + middle)))) {
                fit = middle;
            } else {
                tooMany = middle;
            }
        }
        return fit;
    }

    private static List<SourceBlock> joined(List<SourceBlock> current, List<List<SourceBlock>> units) {
        List<SourceBlock> joined = new ArrayList<>(current);
        units.forEach(joined::addAll);
        return joined;
    }

    /** A pair falls apart into its blocks; a single block into lines, sentences, words or characters. */
    private static List<List<SourceBlock>> smaller(List<SourceBlock> unit) {
        List<List<SourceBlock>> units = new ArrayList<>();
        if (unit.size() > 1) {
            unit.forEach(block -> units.add(List.of(block)));
            return units;
        }
        SourceBlock block = unit.get(0);
        for (String piece : TextSplitter.split(block.text())) {
            units.add(List.of(new SourceBlock(block.startLine(), block.endLine(), block.language(), piece,
                    block.origin())));
        }
        return units;
    }

    private boolean fits(NoteInfo note, Section owner, List<SourceBlock> blocks) {
        return tokens.estimateTokenCountInText(chunk(note, owner, blocks, DRAFT).textToEmbed()) <= budget;
    }

    private static Chunk chunk(NoteInfo note, Section owner, List<SourceBlock> blocks, int ordinal) {
        List<Passage> passages = passages(blocks);
        int start = blocks.stream().mapToInt(SourceBlock::startLine).min().orElse(owner.headingLine());
        int end = blocks.stream().mapToInt(SourceBlock::endLine).max().orElse(owner.headingLine());
        String text = String.join("\n\n", passages.stream().map(Passage::text).toList());
        String id = ordinal == DRAFT ? "" : id(note.path(), owner.headingPath(), ordinal, text);
        return new Chunk(id, note.path(), note.title(),
                owner.headingPath(), owner.anchor(), start, end, passages, note.tags(), note.categories(),
                note.date());
    }

    /** Consecutive pieces of one block are glued back into one passage; they kept their own whitespace. */
    private static List<Passage> passages(List<SourceBlock> blocks) {
        List<Passage> passages = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            text.append(blocks.get(i).text());
            if (i + 1 == blocks.size() || blocks.get(i + 1).origin() != blocks.get(i).origin()) {
                if (!text.toString().isBlank()) {
                    passages.add(new Passage(blocks.get(i).language(), text.toString().strip()));
                }
                text.setLength(0);
            }
        }
        return passages;
    }

    /** First 16 hex digits of SHA-256 over what identifies a chunk: its note, section, place and text. */
    static String id(String notePath, List<String> headingPath, int ordinal, String text) {
        String key = notePath + "\n" + String.join("\u001F", headingPath) + "\n" + ordinal + "\n" + text;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Which section's chunk each section's blocks go to. Parents, the end of each section's subtree and the next
     * big-enough section are computed once with stacks, so a note of thousands of headings costs linear time.
     */
    private final class Homes {
        private final List<Section> sections;
        private final boolean[] tiny;
        private final int[] parent;
        /** First later section at the same level or above (the end of this one's subtree); size when none. */
        private final int[] subtreeEnd;
        /** First later section that is neither tiny nor empty; -1 when none. */
        private final int[] nextBig;

        Homes(List<Section> sections) {
            this.sections = sections;
            int count = sections.size();
            this.tiny = new boolean[count];
            for (int i = 0; i < count; i++) {
                Section section = sections.get(i);
                tiny[i] = !section.blocks().isEmpty()
                        && tokens.estimateTokenCountInText(section.body()) < TINY_SECTION_TOKENS;
            }
            this.parent = new int[count];
            this.subtreeEnd = new int[count];
            this.nextBig = new int[count];
            Deque<Integer> open = new ArrayDeque<>();
            for (int i = 0; i < count; i++) {
                int level = sections.get(i).level();
                while (!open.isEmpty() && level <= sections.get(open.peek()).level()) {
                    subtreeEnd[open.pop()] = i;
                }
                // a level-0 section (text before the first heading) has no parent and is no one's parent
                parent[i] = level > 0 && !open.isEmpty() && sections.get(open.peek()).level() > 0 ? open.peek() : -1;
                open.push(i);
            }
            open.forEach(i -> subtreeEnd[i] = count);
            int big = -1;
            for (int i = count - 1; i >= 0; i--) {
                nextBig[i] = big;
                if (!tiny[i] && !sections.get(i).blocks().isEmpty()) {
                    big = i;
                }
            }
        }

        int[] all() {
            int[] homes = new int[sections.size()];
            for (int i = 0; i < homes.length; i++) {
                homes[i] = home(i);
            }
            return homes;
        }

        /**
         * Itself unless tiny. A tiny section joins its parent's chunk when the parent has text of its own; else a
         * tiny introduction joins its first subsection that is big enough; else it gathers under its (empty)
         * parent's heading; with no parent at all, it joins the next section that is big enough.
         */
        private int home(int i) {
            if (!tiny[i]) {
                return i;
            }
            int up = parent[i];
            if (up >= 0 && !sections.get(up).blocks().isEmpty()) {
                return home(up);
            }
            int next = nextBig[i];
            if (next >= 0 && (up < 0 || next < subtreeEnd[i])) {
                return next;
            }
            return up >= 0 ? up : i;
        }
    }
}
