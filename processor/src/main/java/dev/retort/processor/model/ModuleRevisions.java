package dev.retort.processor.model;

import dev.retort.processor.model.RevisionModel.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.lang.model.element.TypeElement;

/**
 * Every revision the compilation sees, as this module's or another's: those it compiles, and those
 * its metadata on the class path records ({@link MetadataReader}). A class is one revision: its
 * source in this compilation wins over what earlier output records of it, and this module's record
 * over another module's (a stale one, left by a registry since renamed).
 *
 * @param own this module's revisions, which its registry lists, sorted by id and class
 * @param upstream the revisions of the modules it depends on, sorted by id and class
 */
public record ModuleRevisions(List<RevisionModel> own, List<RevisionModel> upstream) {

  private static final Comparator<RevisionModel> BY_ID =
      Comparator.comparing(RevisionModel::id)
          .thenComparing(r -> r.element().getQualifiedName().toString());

  /**
   * Sorts {@code compiled} and {@code recorded}.
   *
   * @param ownRegistry whether a registry is this module's, so that its record is earlier output
   * @param fromClassFile whether the compiler read a class of this compilation from its class file
   *     (passed by name, as Gradle does): then the checksum recorded earlier is still its checksum
   */
  public static ModuleRevisions of(
      List<RevisionModel> compiled,
      List<MetadataReader.Recorded> recorded,
      Predicate<String> ownRegistry,
      Predicate<TypeElement> fromClassFile) {
    Map<String, RevisionModel> earlier = new HashMap<>();
    Map<String, RevisionModel> upstream = new LinkedHashMap<>();
    for (MetadataReader.Recorded record : recorded) {
      boolean own = ownRegistry.test(record.registry());
      for (RevisionModel r : record.revisions(own ? Origin.EARLIER : Origin.UPSTREAM)) {
        (own ? earlier : upstream).putIfAbsent(name(r), r);
      }
    }
    List<RevisionModel> mine = new ArrayList<>();
    for (RevisionModel r : compiled) {
      RevisionModel before = earlier.remove(name(r));
      upstream.remove(name(r));
      boolean unchanged =
          before != null && r.checksum().isEmpty() && fromClassFile.test(r.element());
      mine.add(unchanged ? r.withChecksum(before.checksum()) : r);
    }
    for (RevisionModel r : earlier.values()) {
      upstream.remove(name(r));
      mine.add(r);
    }
    mine.sort(BY_ID);
    List<RevisionModel> theirs = new ArrayList<>(upstream.values());
    theirs.sort(BY_ID);
    return new ModuleRevisions(List.copyOf(mine), List.copyOf(theirs));
  }

  /** This module's revisions and the upstream ones, sorted by id and class. */
  public List<RevisionModel> all() {
    List<RevisionModel> all = new ArrayList<>(own);
    all.addAll(upstream);
    all.sort(BY_ID);
    return all;
  }

  /** The revisions of this compilation, sorted by id and class. */
  public List<RevisionModel> compiled() {
    return own.stream().filter(r -> r.origin() == Origin.COMPILED).toList();
  }

  private static String name(RevisionModel r) {
    return r.element().getQualifiedName().toString();
  }
}
