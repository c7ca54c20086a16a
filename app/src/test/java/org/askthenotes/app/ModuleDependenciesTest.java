package org.askthenotes.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.askthenotes.ingest.RepoRoot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** docs/architecture.md's module table lists exactly what each module's pom.xml declares, so the two never drift. */
class ModuleDependenciesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "retrieval", "generation", "app", "solr", "solr-test-cluster"})
    void theArchitectureTableMatchesThePom(String module) throws Exception {
        List<String> row = tableRow(module);
        Map<String, List<String>> pom = declared(RepoRoot.resolve(module + "/pom.xml"));
        List<String> compile = new ArrayList<>(names(row.get(1)));
        compile.addAll(names(row.get(2)));
        assertEquals(pom.get("compile"), compile, module + ": project modules and libraries");
        assertEquals(pom.get("test"), names(row.get(3)), module + ": tests only");
    }

    /** The table row's cells after the module name: project modules, libraries, tests only. */
    private static List<String> tableRow(String module) throws Exception {
        String doc = Files.readString(RepoRoot.resolve("docs/architecture.md"), StandardCharsets.UTF_8);
        Matcher row = Pattern.compile("(?m)^\\| " + module + " \\|(.*)\\|$").matcher(doc);
        assertTrue(row.find(), "docs/architecture.md has no table row for " + module);
        List<String> cells = new ArrayList<>(List.of(("x|" + row.group(1)).split("\\|", -1)));
        assertEquals(4, cells.size(), row.group());
        return cells;
    }

    private static List<String> names(String cell) {
        List<String> names = new ArrayList<>();
        Matcher name = Pattern.compile("`([^`]+)`").matcher(cell);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    /** The pom's own dependencies (not managed ones, not profiles'), in order, by scope. */
    private static Map<String, List<String>> declared(Path pom) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement();
        Map<String, List<String>> byScope = new LinkedHashMap<>(Map.of("compile", new ArrayList<>(),
                "test", new ArrayList<>()));
        for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element dependencies && dependencies.getTagName().equals("dependencies")) {
                NodeList list = dependencies.getElementsByTagName("dependency");
                for (int i = 0; i < list.getLength(); i++) {
                    Element dependency = (Element) list.item(i);
                    String name = text(dependency, "artifactId")
                            + ("test-jar".equals(text(dependency, "type")) ? " (test jar)" : "")
                            + ("true".equals(text(dependency, "optional")) ? " (optional)" : "");
                    String scope = text(dependency, "scope");
                    byScope.get(scope == null ? "compile" : scope).add(name);
                }
            }
        }
        return byScope;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }
}
