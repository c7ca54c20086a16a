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
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
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
                case "tags", "tag" -> flatten(field.getValueNode(), tags);
                case "categories", "category" -> flatten(field.getValueNode(), categories);
                default -> {
                    // Other fields (index_img, banner_img, ...) mean nothing to retrieval.
                }
            }
        }
        return new FrontMatter(title, date, new ArrayList<>(tags), new ArrayList<>(categories));
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue().trim() : "";
    }

    private static void flatten(Node node, Set<String> into) {
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue().trim();
            if (!value.isEmpty()) {
                into.add(value);
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> flatten(item, into));
        }
    }
}
