package org.askthenotes.ingest;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

/**
 * The one commonmark set-up for notes, used by ingest to chunk them and by the app to render and list them, so a
 * note reads the same everywhere: YAML front matter and GFM tables.
 */
public final class NoteMarkdown {
    private NoteMarkdown() {
    }

    /** The extensions notes are written with. */
    public static List<Extension> extensions() {
        return List.of(YamlFrontMatterExtension.create(), TablesExtension.create());
    }

    /** The same without front matter, for a note whose front matter is not closed and is read as Markdown. */
    public static List<Extension> extensionsWithoutFrontMatter() {
        return List.of(TablesExtension.create());
    }

    /** A parser builder with {@link #extensions()}; add source spans or more before {@code build()}. */
    public static Parser.Builder parser() {
        return Parser.builder().extensions(extensions());
    }
}
