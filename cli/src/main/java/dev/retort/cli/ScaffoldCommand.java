package dev.retort.cli;

import dev.retort.RevisionInfo;
import dev.retort.graph.Packages;
import dev.retort.runtime.GraphView;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code revision} and {@code merge}: Alembic's scaffolding done as source generation. The new
 * class revises the registry's heads (or the ones named), so the next build compiles it into the
 * graph; the processor then checks it like any other revision.
 */
final class ScaffoldCommand {

  private final GraphView view;
  private final Arguments args;
  private final PrintStream out;
  private final Supplier<String> randomIds;

  private ScaffoldCommand(Command command) {
    this.view = command.graph();
    this.args = command.args();
    this.out = command.out();
    this.randomIds = command.randomIds();
  }

  /** {@code revision -m MSG --dir DIR [--head REV]}: a revision on the head(s). */
  static int revision(Command command) {
    new ScaffoldCommand(command).revision();
    return 0;
  }

  /** {@code merge -m MSG --dir DIR [REV...]}: a revision that joins two or more heads. */
  static int merge(Command command) {
    new ScaffoldCommand(command).merge();
    return 0;
  }

  private void revision() {
    List<String> revises;
    if (args.has(Option.HEAD)) {
      String head = view.show(args.value(Option.HEAD).orElseThrow()).id();
      if (!view.isHead(head)) {
        throw new CommandFailure(
            "'"
                + head
                + "' is not a head, so a revision on it would start an unlabeled branch; build on"
                + " one of the heads: "
                + String.join(", ", headIds()));
      }
      revises = List.of(head);
    } else {
      revises = headIds();
      if (revises.size() > 1) throw severalHeads(revises);
    }
    write(revises);
  }

  /**
   * As Alembic does: with several heads, a new revision builds on the one named, never on all of
   * them, since a revision that revises every head merges branches that may be meant to stay apart
   * (a labelled one); a merge is written by {@code merge} alone.
   */
  private CommandFailure severalHeads(List<String> heads) {
    List<String> named = new ArrayList<>();
    String example = "--head " + heads.get(0);
    for (String head : heads) {
      Optional<String> label = ownLabel(head);
      named.add(head + label.map(l -> " (" + l + "@head)").orElse(""));
      if (head.equals(heads.get(0)) && label.isPresent()) {
        example += " or --head " + label.get() + "@head";
      }
    }
    return new CommandFailure(
        "there are "
            + heads.size()
            + " heads: "
            + String.join(", ", named)
            + "; a new revision builds on one of them: name it with --head REV (such as "
            + example
            + "), or join them with 'merge -m MSG --dir DIR'");
  }

  /** A branch label that names {@code head} alone among the heads, for {@code LABEL@head}. */
  private Optional<String> ownLabel(String head) {
    for (String label : view.labels(head)) {
      long heads = view.heads().stream().filter(h -> view.labels(h.id()).contains(label)).count();
      if (heads == 1) return Optional.of(label);
    }
    return Optional.empty();
  }

  private void merge() {
    List<String> revises;
    if (args.positionals().isEmpty()) {
      revises = headIds();
      if (revises.size() < 2) {
        throw new CommandFailure(
            "there is only one head ("
                + revises.get(0)
                + "), so there is nothing to merge; use 'revision' for a new revision on it");
      }
    } else {
      LinkedHashSet<String> named = new LinkedHashSet<>();
      for (String rev : args.positionals()) named.add(view.show(rev).id());
      if (named.size() < 2) {
        throw new CommandFailure(
            "a merge joins two or more revisions, but "
                + String.join(" ", args.positionals())
                + " names only "
                + String.join(", ", named)
                + "; name another, or leave REV out to merge all heads");
      }
      revises = new ArrayList<>(named);
    }
    write(revises);
  }

  private List<String> headIds() {
    return view.heads().stream().map(RevisionInfo::id).toList();
  }

  private void write(List<String> revises) {
    String message = args.value(Option.MESSAGE).orElseThrow();
    String id = args.value(Option.ID).orElseGet(this::freshId);
    checkGraph(id, revises);
    String packageName = args.value(Option.PACKAGE).orElseGet(this::commonPackage);
    checkPackage(packageName);
    String className = MigrationSource.className(message);
    String qualified = packageName.isEmpty() ? className : packageName + "." + className;
    for (RevisionInfo info : view.revisions()) {
      if (info.className().equals(qualified)) {
        throw new CommandFailure(
            "revision "
                + info.id()
                + " is already class "
                + qualified
                + "; choose another message (-m), which names the class");
      }
    }
    Path file = folder(Path.of(args.value(Option.DIR).orElseThrow()), packageName);
    file = file.resolve(className + ".java");
    String source = MigrationSource.of(packageName, className, id, revises, message);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, source, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      throw new CommandFailure(
          file + " already exists; choose another message (-m), which names the class", e);
    } catch (IOException e) {
      throw new CommandFailure("could not write " + file + ": " + e.getMessage(), e);
    }
    out.println("Generating " + file + " ... done");
  }

  /** A random id of 12 hex digits, as Alembic makes them, that no revision has yet. */
  private String freshId() {
    while (true) {
      String id = randomIds.get();
      boolean clashes =
          view.revisions().stream()
              .map(RevisionInfo::id)
              .anyMatch(known -> known.startsWith(id) || id.startsWith(known));
      if (!clashes) return id;
    }
  }

  /** The graph with the new revision must be valid: a well-formed id that is not taken. */
  private void checkGraph(String id, List<String> revises) {
    List<String> problems = view.problemsWith(id, revises);
    if (!problems.isEmpty()) {
      throw new CommandFailure(
          "the new revision would not fit the graph: " + String.join("; ", problems));
    }
  }

  /** The package the registry's revisions share, such as {@code com.example.db}. */
  private String commonPackage() {
    String common =
        Packages.longestCommon(
            view.revisions().stream().map(info -> Packages.of(info.className())).toList());
    if (common.isEmpty()) {
      throw new CommandFailure(
          "the revisions share no package to put the new class in; pass --package PKG");
    }
    return common;
  }

  private static void checkPackage(String name) {
    if (name.isEmpty()) return;
    for (String segment : name.split("\\.", -1)) {
      boolean valid = !segment.isEmpty() && Character.isJavaIdentifierStart(segment.charAt(0));
      for (int i = 1; valid && i < segment.length(); i++) {
        valid = Character.isJavaIdentifierPart(segment.charAt(i));
      }
      if (!valid) {
        throw new CommandFailure(
            "'" + name + "' is not a Java package name; pass --package such as com.example.db");
      }
    }
  }

  /**
   * The folder of {@code packageName} under the source root {@code dir}; or {@code dir} itself when
   * it already is the package's folder ({@code --dir src/main/java/com/example/db}).
   */
  static Path folder(Path dir, String packageName) {
    if (packageName.isEmpty()) return dir;
    Path packagePath = Path.of("", packageName.split("\\."));
    return dir.normalize().endsWith(packagePath) ? dir : dir.resolve(packagePath);
  }
}
