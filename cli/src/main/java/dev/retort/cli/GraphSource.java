package dev.retort.cli;

import dev.retort.RevisionInfo;
import dev.retort.runtime.GraphView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The revision graph as the source of a picture: Graphviz {@code dot} or Mermaid. Arrows point the
 * way upgrades go, from a revision to the ones that revise it; a dependency is dashed. The newest
 * revisions are drawn at the top, as {@code history} lists them.
 */
final class GraphSource {

  private final GraphView view;
  private final RevisionText text;

  GraphSource(GraphView view) {
    this.view = view;
    this.text = new RevisionText(view);
  }

  /** Graphviz source of the revisions {@code ids}, oldest first. */
  String dot(List<String> ids) {
    Set<String> drawn = Set.copyOf(ids);
    StringBuilder dot = new StringBuilder("digraph retort {\n");
    dot.append("  rankdir=BT;\n");
    dot.append("  node [shape=box, fontname=\"monospace\"];\n");
    for (String id : ids) {
      RevisionInfo info = view.find(id).orElseThrow();
      dot.append("  ").append(dotString(id)).append(" [label=").append(dotString(label(id)));
      dot.append(view.isHead(id) ? ", style=bold" : "").append("];\n");
      for (String parent : info.revises()) {
        if (drawn.contains(parent)) {
          dot.append("  ").append(dotString(parent)).append(" -> ").append(dotString(id));
          dot.append(";\n");
        }
      }
      for (String parent : info.dependsOn()) {
        if (drawn.contains(parent)) {
          dot.append("  ").append(dotString(parent)).append(" -> ").append(dotString(id));
          dot.append(" [style=dashed, label=\"depends on\"];\n");
        }
      }
    }
    return dot.append("}\n").toString();
  }

  /** Mermaid flowchart source of the revisions {@code ids}, oldest first. */
  String mermaid(List<String> ids) {
    // Mermaid node names are restricted and some words are reserved: number the revisions.
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) names.put(ids.get(i), "r" + i);
    StringBuilder chart = new StringBuilder("flowchart BT\n");
    for (String id : ids) {
      RevisionInfo info = view.find(id).orElseThrow();
      String name = names.get(id);
      chart.append("  ").append(name).append("[\"").append(mermaidText(label(id))).append("\"]\n");
      for (String parent : info.revises()) {
        if (names.containsKey(parent)) {
          chart.append("  ").append(names.get(parent)).append(" --> ").append(name).append('\n');
        }
      }
      for (String parent : info.dependsOn()) {
        if (names.containsKey(parent)) {
          chart.append("  ").append(names.get(parent)).append(" -. depends on .-> ");
          chart.append(name).append('\n');
        }
      }
    }
    return chart.toString();
  }

  /** The id with its labels and marks, then the description on a second line. */
  private String label(String id) {
    String line = text.decorated(id);
    String description = view.find(id).orElseThrow().description();
    return description.isEmpty() ? line : line + "\n" + description;
  }

  private static String dotString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private static String mermaidText(String text) {
    return text.replace("&", "#amp;")
        .replace("\"", "#quot;")
        .replace("<", "#lt;")
        .replace(">", "#gt;")
        .replace("\n", "<br/>");
  }
}
