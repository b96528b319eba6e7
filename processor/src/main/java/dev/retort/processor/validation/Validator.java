package dev.retort.processor.validation;

import dev.retort.graph.RevisionGraph;
import dev.retort.processor.model.RevisionModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.Diagnostic;

/**
 * Runs every rule over every revision and collects all findings, so that one build shows every
 * problem. The heads rule runs only on a structurally sound graph, where heads mean something.
 */
public final class Validator {

  private final ClassShapeRule classShape;
  private final DowngradeRule downgrade;
  private final ChecksumRule checksum = new ChecksumRule();
  private final GraphRule graph = new GraphRule();
  private final HeadsRule heads = new HeadsRule();

  /** A validator for the compilation of {@code env}. */
  public Validator(ProcessingEnvironment env) {
    this.classShape = new ClassShapeRule(env.getElementUtils(), env.getTypeUtils());
    this.downgrade = new DowngradeRule(env.getElementUtils());
  }

  /**
   * All findings for {@code revisions}: each rule of a class on those of this compilation, the
   * graph's rules on all of them (those compiled earlier and those of upstream modules too).
   *
   * @param registryPackage the package the registry is generated into
   * @param registryName the registry's qualified name, for messages
   * @param multipleHeads {@code ERROR} or {@code WARNING} for unlabeled parallel heads
   */
  public Validation validate(
      List<RevisionModel> revisions,
      String registryPackage,
      String registryName,
      Diagnostic.Kind multipleHeads) {
    List<Finding> findings = new ArrayList<>();
    List<RevisionModel> compiled =
        revisions.stream().filter(r -> r.origin() == RevisionModel.Origin.COMPILED).toList();
    for (RevisionModel revision : compiled) {
      findings.addAll(classShape.check(revision, registryPackage, registryName));
      // A downgrade means nothing on a type that is not a concrete Migration: one error is enough.
      if (classShape.isConcreteMigration(revision.element())) {
        findings.addAll(downgrade.check(revision));
      }
      findings.addAll(checksum.check(revision));
    }
    Places places = new Places(compiled);
    GraphRule.Checked structure = graph.check(revisions, places);
    findings.addAll(structure.findings());
    structure
        .graph()
        .ifPresent(built -> findings.addAll(heads.check(built, revisions, places, multipleHeads)));
    return new Validation(findings, structure.graph());
  }

  /**
   * What validation found, and the graph when it is structurally sound (so that generation does not
   * build it again).
   *
   * @param findings every error and warning
   * @param graph the revision graph, present when there is no structural problem
   */
  public record Validation(List<Finding> findings, Optional<RevisionGraph> graph) {

    /** Whether the registry may be generated. */
    public boolean passed() {
      return graph.isPresent() && findings.stream().noneMatch(Finding::isError);
    }
  }
}
