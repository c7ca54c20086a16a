package org.askthenotes.ingest;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The fields of a note's YAML front matter that chunks carry. Values are read as written (YAML is composed,
 * not constructed), so a Hexo date such as {@code 2024-10-08 22:44:28} stays that string rather than becoming
 * a timestamp in the machine's zone; nested lists such as {@code tags: [[aws], [ai]]} are flattened.
 *
 * @param title "" when absent
 * @param date  "" when absent
 */
record FrontMatter(String title, String date, List<String> tags, List<String> categories) {

    static final FrontMatter NONE = new FrontMatter("", "", List.of(), List.of());

    private static final int MAX_ALIASES = 20;
    private static final int MAX_NESTING = 20;
    private static final int MAX_CODE_POINTS = 256 * 1024;
    /** Tags or categories kept from one note; also what bounds the walk of a list that contains itself. */
    static final int MAX_VALUES = 200;

    FrontMatter {
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
    }

    /** Thrown for front matter that is not YAML or not a mapping. */
    static final class Invalid extends Exception {
        private final int line;

        Invalid(String message, int line) {
            super(message);
            this.line = line;
        }

        /** 1-based line within the YAML text, 0 when unknown. */
        int line() {
            return line;
        }
    }

    static FrontMatter parse(String yaml) throws Invalid {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(loaderOptions())).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new Invalid(e.getProblem() + (e.getContext() == null ? "" : " (" + e.getContext() + ")"), line);
        } catch (YAMLException e) {
            throw new Invalid(e.getMessage(), 0);
        }
        if (root == null) {
            return NONE;
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new Invalid("front matter is not a list of 'key: value' fields", root.getStartMark().getLine() + 1);
        }
        String title = "";
        String date = "";
        Set<String> tags = new LinkedHashSet<>();
        Set<String> categories = new LinkedHashSet<>();
        for (NodeTuple field : mapping.getValue()) {
            if (!(field.getKeyNode() instanceof ScalarNode key)) {
                continue;
            }
            switch (key.getValue().trim()) {
                case "title" -> title = scalar(field.getValueNode());
                case "date" -> date = scalar(field.getValueNode());
                case "tags", "tag" -> flatten(field.getValueNode(), tags, 0);
                case "categories", "category" -> flatten(field.getValueNode(), categories, 0);
                default -> {
                    // Other fields (index_img, banner_img, ...) mean nothing to retrieval.
                }
            }
        }
        return new FrontMatter(title, date, new ArrayList<>(tags), new ArrayList<>(categories));
    }

    /**
     * YAML bombs: aliases can make a few lines mean billions of nodes (and a self-referencing list an endless
     * one), nesting can be as deep as the text is long. Front matter is a handful of flat fields, so all three
     * are held far below SnakeYAML's defaults.
     */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue().trim() : "";
    }

    private static void flatten(Node node, Set<String> into, int depth) {
        if (into.size() >= MAX_VALUES || depth > MAX_NESTING) {
            return;
        }
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue().trim();
            if (!value.isEmpty()) {
                into.add(value);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                flatten(item, into, depth + 1);
            }
        }
    }
}
