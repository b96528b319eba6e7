package dev.retort.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one description every tool's migrations are generated from: revisions 1 to N in a chain,
 * revision i creating table {@code t_i}. Writes Retort revision classes and their {@code
 * RetortMain}, Flyway Java migrations and their {@code FlywayExplicitMain}, and a Liquibase
 * changelog.
 */
final class Workload {

  static final String PACKAGE = "bench.generated";

  private final int size;

  Workload(int size) {
    this.size = size;
  }

  int size() {
    return size;
  }

  /** The statement revision {@code i} runs, the same for every tool and for plain JDBC. */
  static String ddl(int i) {
    return "CREATE TABLE t_" + i + " (id INTEGER PRIMARY KEY, name VARCHAR(50))";
  }

  /** Writes the Retort sources under {@code dir}; returns the revision classes' files. */
  List<Path> writeRetort(Path dir) {
    List<Path> revisions = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      String revises = i == 1 ? "" : ", revises = \"" + retortId(i - 1) + "\"";
      revisions.add(
          write(
              dir,
              "R" + i,
              "import dev.retort.Migration;\n"
                  + "import dev.retort.MigrationContext;\n"
                  + "import dev.retort.Revision;\n\n"
                  + "@Revision(id = \""
                  + retortId(i)
                  + "\""
                  + revises
                  + ")\n"
                  + "public final class R"
                  + i
                  + " implements Migration {\n"
                  + "  @Override\n"
                  + "  public void upgrade(MigrationContext context) throws Exception {\n"
                  + "    context.execute(\""
                  + ddl(i)
                  + "\");\n"
                  + "  }\n\n"
                  + "  @Override\n"
                  + "  public void downgrade(MigrationContext context) throws Exception {\n"
                  + "    context.execute(\"DROP TABLE t_"
                  + i
                  + "\");\n"
                  + "  }\n"
                  + "}\n"));
    }
    write(
        dir,
        "RetortMain",
        "public final class RetortMain {\n"
            + "  public static void main(String[] args) throws Exception {\n"
            + "    dev.retort.bench.retort.RetortRun.run(RetortMigrations.registry(), args);\n"
            + "  }\n"
            + "}\n");
    return revisions;
  }

  /** Writes the Flyway sources under {@code dir}. */
  void writeFlyway(Path dir) {
    StringBuilder instances = new StringBuilder();
    for (int i = 1; i <= size; i++) {
      String name = "V" + i + "__t_" + i;
      write(
          dir,
          "flyway/" + name,
          "import java.sql.Statement;\n"
              + "import org.flywaydb.core.api.migration.BaseJavaMigration;\n"
              + "import org.flywaydb.core.api.migration.Context;\n\n"
              + "public final class "
              + name
              + " extends BaseJavaMigration {\n"
              + "  @Override\n"
              + "  public void migrate(Context context) throws Exception {\n"
              + "    try (Statement statement = context.getConnection().createStatement()) {\n"
              + "      statement.execute(\""
              + ddl(i)
              + "\");\n"
              + "    }\n"
              + "  }\n"
              + "}\n");
      instances
          .append("      new ")
          .append(PACKAGE)
          .append(".flyway.")
          .append(name)
          .append("(),\n");
    }
    write(
        dir,
        "FlywayExplicitMain",
        "public final class FlywayExplicitMain {\n"
            + "  public static void main(String[] args) throws Exception {\n"
            + "    dev.retort.bench.flyway.FlywayRun.explicit(\n"
            + "        new org.flywaydb.core.api.migration.JavaMigration[] {\n"
            + instances
            + "        },\n"
            + "        args);\n"
            + "  }\n"
            + "}\n");
  }

  /** Writes {@code changelog.xml} into {@code dir}: one changeset per revision. */
  void writeLiquibase(Path dir) {
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
                + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                + "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
                + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n");
    for (int i = 1; i <= size; i++) {
      xml.append("  <changeSet id=\"")
          .append(i)
          .append("\" author=\"bench\">\n    <sql>")
          .append(ddl(i))
          .append("</sql>\n  </changeSet>\n");
    }
    xml.append("</databaseChangeLog>\n");
    writeFile(dir.resolve("changelog.xml"), xml.toString());
  }

  private static String retortId(int i) {
    return String.format("r%05d", i);
  }

  /** Writes class {@code name} (relative to {@link #PACKAGE}, with '/' for a subpackage). */
  private static Path write(Path dir, String name, String body) {
    int slash = name.lastIndexOf('/');
    String pkg = PACKAGE + (slash < 0 ? "" : "." + name.substring(0, slash).replace('/', '.'));
    Path file = dir.resolve(PACKAGE.replace('.', '/')).resolve(name + ".java");
    writeFile(file, "package " + pkg + ";\n\n" + body);
    return file;
  }

  private static void writeFile(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
