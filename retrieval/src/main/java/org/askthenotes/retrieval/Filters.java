package org.askthenotes.retrieval;

import java.util.Set;
import org.askthenotes.ingest.Language;

/**
 * Restricts a search; every set filter must hold. Empty sets and a null prefix or language mean "any".
 *
 * @param tags           a chunk matches when it has any of these tags
 * @param categories     a chunk matches when it has any of these categories
 * @param notePathPrefix a chunk matches when its note path starts with this
 * @param language       a chunk matches when it has a passage in this language
 */
public record Filters(Set<String> tags, Set<String> categories, String notePathPrefix, Language language) {
    public static final Filters NONE = new Filters(Set.of(), Set.of(), null, null);

    public Filters {
        tags = Set.copyOf(tags);
        categories = Set.copyOf(categories);
    }

    public boolean isEmpty() {
        return tags.isEmpty() && categories.isEmpty() && notePathPrefix == null && language == null;
    }
}
