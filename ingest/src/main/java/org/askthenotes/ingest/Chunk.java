package org.askthenotes.ingest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One heading-aware piece of a note: what retrieval indexes and what an answer cites.
 *
 * @param id          stable: the same note content gives the same id on every run and machine
 * @param notePath    relative to the notes root, always with '/' separators
 * @param headingPath the headings from the top of the note down to this chunk's section
 * @param anchor      the section heading's slug as GitHub and Hexo generate it ("" for text before any heading)
 * @param startLine   first line in the source file, 1-based
 * @param endLine     last line in the source file, 1-based, inclusive
 * @param passages    the cleaned blocks in document order, each tagged with its language
 * @param date        the front matter date as written, "" when absent
 */
public record Chunk(
        String id,
        String notePath,
        String noteTitle,
        List<String> headingPath,
        String anchor,
        int startLine,
        int endLine,
        List<Passage> passages,
        List<String> tags,
        List<String> categories,
        String date) {

    /** Separates title and headings in breadcrumbs and in the text to embed. */
    public static final String PATH_SEPARATOR = " › ";

    public Chunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(notePath, "notePath");
        Objects.requireNonNull(noteTitle, "noteTitle");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(date, "date");
        headingPath = List.copyOf(headingPath);
        passages = List.copyOf(passages);
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
    }

    /** The passages joined by blank lines. */
    public String text() {
        return passages.stream().map(Passage::text).collect(Collectors.joining("\n\n"));
    }

    /** The text of the passages in one language, joined by blank lines ("" when there are none). */
    public String text(Language language) {
        return passages.stream()
                .filter(p -> p.language() == language)
                .map(Passage::text)
                .collect(Collectors.joining("\n\n"));
    }

    public Set<Language> languages() {
        return passages.stream().map(Passage::language).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** "Title › Heading › Subheading": how answers and citations name where a chunk came from. */
    public String breadcrumb() {
        if (headingPath.isEmpty()) {
            return noteTitle;
        }
        return noteTitle + PATH_SEPARATOR + String.join(PATH_SEPARATOR, headingPath);
    }

    /** What the embedding model reads: the breadcrumb gives a short passage the context it lacks on its own. */
    public String textToEmbed() {
        return breadcrumb() + "\n" + text();
    }
}
