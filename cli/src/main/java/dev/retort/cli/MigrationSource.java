package dev.retort.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Java source of a new migration class, as {@code revision} and {@code merge} write it. */
final class MigrationSource {

  private MigrationSource() {}

  /**
   * The class's source.
   *
   * @param packageName the package, possibly empty
   * @param className the simple class name
   * @param id the revision id
   * @param revises the revisions it revises; two or more make it a merge
   * @param description the {@code -m} message
   */
  static String of(
      String packageName, String className, String id, List<String> revises, String description) {
    boolean merge = revises.size() > 1;
    StringBuilder java = new StringBuilder();
    if (!packageName.isEmpty()) java.append("package ").append(packageName).append(";\n\n");
    java.append("import dev.retort.Migration;\n");
    java.append("import dev.retort.MigrationContext;\n");
    java.append("import dev.retort.Revision;\n\n");
    java.append("/** ").append(javadoc(description)).append(" */\n");
    java.append("@Revision(\n");
    java.append("    id = ").append(literal(id)).append(",\n");
    java.append("    revises = ").append(array(revises)).append(",\n");
    java.append("    description = ").append(literal(description)).append(")\n");
    java.append("public final class ").append(className).append(" implements Migration {\n\n");
    java.append("  @Override\n");
    java.append("  public void upgrade(MigrationContext ctx) throws Exception {\n");
    if (merge) {
      java.append(
          "    // TODO A merge needs no statements; add some only to reconcile the branches.\n");
    } else {
      java.append(
          "    // TODO Apply the change, e.g. ctx.execute(\"ALTER TABLE ... ADD COLUMN ...\");\n");
    }
    java.append("  }\n\n");
    java.append("  @Override\n");
    java.append("  public void downgrade(MigrationContext ctx) throws Exception {\n");
    if (merge) {
      java.append("    // TODO Undo whatever upgrade() does, if anything.\n");
    } else {
      java.append(
          "    // TODO Undo upgrade(), e.g. ctx.execute(\"ALTER TABLE ... DROP COLUMN ...\");\n");
      java.append(
          "    // If it cannot be undone, delete this method and annotate the class with\n");
      java.append("    // @Irreversible(\"the reason\").\n");
    }
    java.append("  }\n");
    java.append("}\n");
    return java.toString();
  }

  /** A class name made of the message's words: "add users table" becomes AddUsersTable. */
  static String className(String message) {
    StringBuilder name = new StringBuilder();
    for (String word : message.split("[^\\p{L}\\p{Nd}]+")) {
      if (word.isEmpty()) continue;
      name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
    }
    if (name.length() == 0 || !Character.isJavaIdentifierStart(name.charAt(0))) {
      name.insert(0, "Revision");
    }
    return name.toString();
  }

  private static String array(List<String> ids) {
    if (ids.size() == 1) return literal(ids.get(0));
    return ids.stream().map(MigrationSource::literal).collect(Collectors.joining(", ", "{", "}"));
  }

  private static String literal(String text) {
    StringBuilder literal = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"':
          literal.append("\\\"");
          break;
        case '\\':
          literal.append("\\\\");
          break;
        case '\n':
          literal.append("\\n");
          break;
        default:
          if (c < 0x20) {
            literal.append(String.format("\\%03o", (int) c));
          } else {
            literal.append(c);
          }
      }
    }
    return literal.append('"').toString();
  }

  private static String javadoc(String description) {
    String sentence = description.strip().replace("*/", "*&#47;").replace("\n", " ");
    if (sentence.isEmpty()) return "A new revision.";
    sentence = sentence.substring(0, 1).toUpperCase(Locale.ROOT) + sentence.substring(1);
    return sentence.endsWith(".") ? sentence : sentence + ".";
  }
}
