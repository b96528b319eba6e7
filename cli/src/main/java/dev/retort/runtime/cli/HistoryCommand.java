package dev.retort.runtime.cli;

import dev.retort.RevisionInfo;
import dev.retort.runtime.Retort;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code history}: a list newest first, a terminal drawing ({@code --graph}) or a picture. */
final class HistoryCommand {

  private final GraphView view;
  private final Retort retort;
  private final PrintStream out;

  HistoryCommand(GraphView view, Retort retort, PrintStream out) {
    this.view = view;
    this.retort = retort;
    this.out = out;
  }

  void run(Arguments args, boolean verbose) {
    List<RevisionInfo> newestFirst = retort.history(args.value(Option.RANGE).orElse(null));
    List<String> ids = newestFirst.stream().map(RevisionInfo::id).toList();
    List<String> oldestFirst = new ArrayList<>(ids);
    Collections.reverse(oldestFirst);
    RevisionText text = new RevisionText(view);
    if (args.has(Option.GRAPH)) {
      graph(oldestFirst, text).forEach(out::println);
    } else if (args.value(Option.FORMAT).filter("dot"::equals).isPresent()) {
      out.print(new GraphSource(view).dot(oldestFirst));
    } else if (args.has(Option.FORMAT)) {
      out.print(new GraphSource(view).mermaid(oldestFirst));
    } else if (verbose) {
      ids.forEach(id -> out.println(text.entry(id)));
    } else {
      ids.forEach(id -> out.println(text.historyLine(id)));
    }
  }

  /** The {@code --graph} drawing of {@code ids}; edges to revisions outside them are left out. */
  private List<String> graph(List<String> ids, RevisionText text) {
    Set<String> drawn = new LinkedHashSet<>(ids);
    Map<String, List<String>> revises = new HashMap<>();
    Map<String, List<String>> before = new HashMap<>();
    for (String id : ids) {
      RevisionInfo info = view.info(id);
      revises.put(id, info.revises().stream().filter(drawn::contains).toList());
      List<String> all = new ArrayList<>(info.revises());
      all.addAll(info.dependsOn());
      before.put(id, all.stream().filter(drawn::contains).toList());
    }
    return AsciiGraph.draw(GraphOrder.of(ids, before), revises, text::graphNode);
  }
}
