package dev.retort.cli;

import dev.retort.RevisionInfo;
import dev.retort.runtime.GraphView;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code history}: a list newest first, a terminal drawing ({@code --graph}) or a picture. */
final class HistoryCommand {

  private HistoryCommand() {}

  static int run(Command command) {
    Arguments args = command.args();
    GraphView graph = command.graph();
    PrintStream out = command.out();
    String range = args.value(Option.RANGE).orElse(null);
    RevisionText text = new RevisionText(graph);
    if (args.has(Option.GRAPH)) {
      draw(graph.drawingOrder(range), text).forEach(out::println);
      return 0;
    }
    List<RevisionInfo> newestFirst = graph.history(range);
    List<String> oldestFirst = new ArrayList<>(ids(newestFirst));
    Collections.reverse(oldestFirst);
    if (args.value(Option.FORMAT).filter("dot"::equals).isPresent()) {
      out.print(new GraphSource(graph).dot(oldestFirst));
    } else if (args.has(Option.FORMAT)) {
      out.print(new GraphSource(graph).mermaid(oldestFirst));
    } else {
      for (String id : ids(newestFirst)) {
        out.println(command.verbose() ? text.entry(id) : text.historyLine(id));
      }
    }
    return 0;
  }

  /** The {@code --graph} drawing; an edge to a revision not drawn is left out. */
  private static List<String> draw(List<RevisionInfo> order, RevisionText text) {
    Set<String> drawn = order.stream().map(RevisionInfo::id).collect(Collectors.toSet());
    Map<String, List<String>> revises = new HashMap<>();
    for (RevisionInfo info : order) {
      revises.put(info.id(), info.revises().stream().filter(drawn::contains).toList());
    }
    return AsciiGraph.draw(ids(order), revises, text::graphNode);
  }

  private static List<String> ids(List<RevisionInfo> revisions) {
    return revisions.stream().map(RevisionInfo::id).toList();
  }
}
