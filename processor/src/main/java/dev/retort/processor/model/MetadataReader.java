package dev.retort.processor.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads the metadata classes ({@link AggregatedMetadata}) on the class path: those of this module's
 * earlier compilations in its output folder, and those of upstream modules in their jars.
 */
public final class MetadataReader {

  /**
   * The revisions one metadata class records, whose classes still exist.
   *
   * @param registry the registry they belong to
   * @param rows for each revision, its class and its values ({@link RevisionModel#row()})
   */
  public record Recorded(String registry, Map<TypeElement, List<String>> rows) {

    /** The revisions, as {@code origin}. */
    public List<RevisionModel> revisions(RevisionModel.Origin origin) {
      List<RevisionModel> revisions = new ArrayList<>();
      rows.forEach((type, row) -> revisions.add(RevisionModel.fromRow(type, row, origin)));
      return revisions;
    }
  }

  private final Elements elements;

  /** A reader through {@code elements}. */
  public MetadataReader(Elements elements) {
    this.elements = elements;
  }

  /**
   * Every metadata class on the class path, sorted by registry. A revision whose class no longer
   * resolves was deleted since the metadata was written, and is left out.
   */
  public List<Recorded> read() {
    PackageElement aggregated = elements.getPackageElement(AggregatedMetadata.PACKAGE);
    if (aggregated == null) return List.of();
    List<Recorded> recorded = new ArrayList<>();
    for (TypeElement metadata : ElementFilter.typesIn(aggregated.getEnclosedElements())) {
      Object registry = constant(metadata, AggregatedMetadata.REGISTRY_FIELD);
      if (!(registry instanceof String name)) continue;
      Map<TypeElement, List<String>> rows = new TreeMap<>(byName());
      for (List<String> row : AggregatedMetadata.decode(rowsText(metadata))) {
        if (row.size() != AggregatedMetadata.COLUMNS) continue;
        TypeElement type = elements.getTypeElement(row.get(AggregatedMetadata.COLUMNS - 1));
        if (type != null) rows.put(type, row.subList(0, AggregatedMetadata.COLUMNS - 1));
      }
      recorded.add(new Recorded(name, rows));
    }
    recorded.sort(Comparator.comparing(Recorded::registry));
    return recorded;
  }

  /** The {@code ROWS_n} constants of {@code metadata}, joined in the order of their numbers. */
  private static String rowsText(TypeElement metadata) {
    Map<Integer, String> pieces = new TreeMap<>();
    for (VariableElement field : ElementFilter.fieldsIn(metadata.getEnclosedElements())) {
      String name = field.getSimpleName().toString();
      if (name.startsWith(AggregatedMetadata.ROWS_FIELD)
          && field.getConstantValue() instanceof String piece) {
        try {
          int number = Integer.parseInt(name.substring(AggregatedMetadata.ROWS_FIELD.length()));
          pieces.put(number, piece);
        } catch (NumberFormatException notARowsField) {
          // not one of the numbered pieces
        }
      }
    }
    return String.join("", pieces.values());
  }

  private static Object constant(TypeElement type, String name) {
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(name)) return field.getConstantValue();
    }
    return null;
  }

  private static Comparator<Element> byName() {
    return Comparator.comparing(e -> ((TypeElement) e).getQualifiedName().toString());
  }
}
