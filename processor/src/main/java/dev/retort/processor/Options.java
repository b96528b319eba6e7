package dev.retort.processor;

import com.palantir.javapoet.ClassName;
import dev.retort.graph.NearestIds;
import dev.retort.graph.Packages;
import dev.retort.processor.model.RevisionModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;

/**
 * The processor's options, read and checked once.
 *
 * @param registry the class to generate
 * @param multipleHeads how unlabeled parallel heads are reported
 * @param problems what is wrong with the options given, as {@link Message#OPTION} texts; empty when
 *     they are fine
 * @param unnamedDefault the {@link Message#UNNAMED_REGISTRY} text when no registry is named and the
 *     default would fall into the unnamed package, where no class in a package can use it
 */
record Options(
    ClassName registry,
    Diagnostic.Kind multipleHeads,
    List<String> problems,
    Optional<String> unnamedDefault) {

  static Options read(ProcessingEnvironment env, List<RevisionModel> revisions) {
    List<String> problems = new ArrayList<>();
    String name = env.getOptions().get(Names.REGISTRY_OPTION);
    ClassName registry;
    if (name == null) {
      registry = defaultRegistry(env, revisions);
    } else if (SourceVersion.isName(name)) {
      int dot = name.lastIndexOf('.');
      registry =
          dot < 0
              ? ClassName.get("", name)
              : ClassName.get(name.substring(0, dot), name.substring(dot + 1));
    } else {
      problems.add(badOption(Names.REGISTRY_OPTION, name, "a qualified class name"));
      registry = defaultRegistry(env, revisions);
    }
    String heads = env.getOptions().getOrDefault(Names.MULTIPLE_HEADS_OPTION, "error");
    Diagnostic.Kind kind = Diagnostic.Kind.ERROR;
    switch (heads) {
      case "error" -> kind = Diagnostic.Kind.ERROR;
      case "warn" -> kind = Diagnostic.Kind.WARNING;
      default -> problems.add(badOption(Names.MULTIPLE_HEADS_OPTION, heads, "'error' or 'warn'"));
    }
    Optional<String> unnamedDefault = Optional.empty();
    if (name == null && !revisions.isEmpty() && registry.packageName().isEmpty()) {
      unnamedDefault = Optional.of(unnamedDefault(env, revisions));
    }
    return new Options(registry, kind, List.copyOf(problems), unnamedDefault);
  }

  private static String unnamedDefault(ProcessingEnvironment env, List<RevisionModel> revisions) {
    Set<String> packages = new TreeSet<>();
    for (RevisionModel r : revisions) {
      packages.add(env.getElementUtils().getPackageOf(r.element()).getQualifiedName().toString());
    }
    String where =
        packages.equals(Set.of(""))
            ? "are all in the unnamed package"
            : "share no package ("
                + packages.stream()
                    .map(p -> p.isEmpty() ? "the unnamed package" : "'" + p + "'")
                    .collect(Collectors.joining(", "))
                + ")";
    return Message.UNNAMED_REGISTRY.format(where, Names.DEFAULT_REGISTRY_NAME);
  }

  /** {@code RetortMigrations} in the longest package that holds every revision class. */
  private static ClassName defaultRegistry(
      ProcessingEnvironment env, List<RevisionModel> revisions) {
    List<String> packages = new ArrayList<>();
    for (RevisionModel r : revisions) {
      packages.add(env.getElementUtils().getPackageOf(r.element()).getQualifiedName().toString());
    }
    return ClassName.get(Packages.longestCommon(packages), Names.DEFAULT_REGISTRY_NAME);
  }

  /**
   * Whether a registry that metadata on the class path names is this module's, so that its
   * revisions are this module's earlier output rather than another module's: the registry named by
   * {@code -Aretort.registry}; without it, a default registry whose package holds this registry's
   * or lies in it (a partial compile may see only the revisions of a subpackage). Modules that
   * depend on each other should each name their registry.
   */
  Predicate<String> ownRegistry(ProcessingEnvironment env) {
    String named = registry.canonicalName();
    if (env.getOptions().containsKey(Names.REGISTRY_OPTION)) return named::equals;
    String here = registry.packageName();
    return other -> {
      int dot = other.lastIndexOf('.');
      String p = dot < 0 ? "" : other.substring(0, dot);
      return other.substring(dot + 1).equals(Names.DEFAULT_REGISTRY_NAME)
          && (p.equals(here) || p.startsWith(here + ".") || here.startsWith(p + "."));
    };
  }

  /** The options Retort reads. */
  static final List<String> KNOWN =
      List.of(Names.REGISTRY_OPTION, Names.MULTIPLE_HEADS_OPTION, Names.LINT_OPTION);

  /**
   * The {@link Message#UNKNOWN_OPTION} texts of the options given that look meant for Retort but
   * are none of its own, such as {@code -Aretort.regisrty}: those in Retort's namespace ({@code
   * retort.}, any case) and those a typo away from one of its options. Other processors' options
   * are theirs. Sorted, so that the warnings come in the same order in every build.
   */
  static List<String> unknown(Set<String> given) {
    List<String> warnings = new ArrayList<>();
    for (String option : new TreeSet<>(given)) {
      if (KNOWN.contains(option)) continue;
      List<String> near = NearestIds.of(option, KNOWN);
      if (!option.toLowerCase(Locale.ROOT).startsWith("retort") && near.isEmpty()) continue;
      String suggestion = near.isEmpty() ? "" : "did you mean -A" + near.get(0) + "? ";
      warnings.add(Message.UNKNOWN_OPTION.format(option, suggestion));
    }
    return warnings;
  }

  private static String badOption(String option, String value, String expected) {
    return Message.OPTION.format(option, value, expected);
  }
}
