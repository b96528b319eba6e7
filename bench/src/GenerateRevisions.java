import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes N revision classes for the processor benchmark: a main line with a side branch forked
 * every 50 revisions and merged back at the end of the block, and now and then a dependsOn to an
 * older revision. Each class looks like a hand-written migration: a CREATE TABLE and an index on
 * the way up, a DROP TABLE on the way down. The output is deterministic, so runs compare.
 *
 * <p>Usage: {@code java bench/src/GenerateRevisions.java OUT_DIR N} (Java 17 single-file launch).
 * Sources go to {@code OUT_DIR/bench/migrations/}; a list of them to {@code OUT_DIR/sources.txt}.
 */
public final class GenerateRevisions {

  private static final String PACKAGE = "bench.migrations";
  private static final int BLOCK = 50;
  private static final int FORK_AT = 10;
  private static final int DEPENDS_EVERY = 97;

  private GenerateRevisions() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java bench/src/GenerateRevisions.java OUT_DIR N");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    if (n < 1) throw new IllegalArgumentException("N must be at least 1: " + n);
    Path dir = out.resolve(PACKAGE.replace('.', '/'));
    Files.createDirectories(dir);

    List<String> ids = new ArrayList<>(n);
    List<String> sources = new ArrayList<>(n);
    String mainTip = null;
    String side = null;
    for (int k = 0; k < n; k++) {
      String id = id(k);
      ids.add(id);
      List<String> revises = new ArrayList<>();
      boolean last = k == n - 1;
      if (mainTip == null) {
        mainTip = id;
      } else if (k % BLOCK == FORK_AT && !last) {
        // The side branch forks from the main tip, which the next main revision also revises.
        revises.add(mainTip);
        side = id;
      } else if (side != null && (k % BLOCK == BLOCK - 1 || last)) {
        revises.add(mainTip);
        revises.add(side);
        side = null;
        mainTip = id;
      } else {
        revises.add(mainTip);
        mainTip = id;
      }
      List<String> dependsOn =
          k >= DEPENDS_EVERY && k % DEPENDS_EVERY == 0 ? List.of(ids.get(k - 30)) : List.of();
      String name = className(k);
      Files.writeString(
          dir.resolve(name + ".java"),
          source(k, name, id, revises, dependsOn),
          StandardCharsets.UTF_8);
      sources.add(dir.resolve(name + ".java").toString());
    }
    Files.write(out.resolve("sources.txt"), sources, StandardCharsets.UTF_8);
  }

  /** Alembic-style 12-hex-digit ids, spread so that id order is unrelated to graph order. */
  private static String id(int k) {
    return String.format("%012x", ((k + 1) * 0x9E3779B97F4BL) & 0xFFFF_FFFF_FFFFL);
  }

  private static String className(int k) {
    return String.format("V%05d_CreateTable%05d", k + 1, k + 1);
  }

  private static String source(
      int k, String name, String id, List<String> revises, List<String> dependsOn) {
    String table = String.format("t_%05d", k + 1);
    StringBuilder s = new StringBuilder();
    s.append("package ").append(PACKAGE).append(";\n\n");
    s.append("import dev.retort.Migration;\n");
    s.append("import dev.retort.MigrationContext;\n");
    s.append("import dev.retort.Revision;\n\n");
    s.append("/** Creates ").append(table).append(" and its name index. */\n");
    s.append("@Revision(\n");
    s.append("    id = \"").append(id).append("\",\n");
    if (!revises.isEmpty()) s.append("    revises = ").append(array(revises)).append(",\n");
    if (!dependsOn.isEmpty()) s.append("    dependsOn = ").append(array(dependsOn)).append(",\n");
    s.append("    description = \"create table ").append(table).append("\")\n");
    s.append("public final class ").append(name).append(" implements Migration {\n\n");
    s.append("  private static final String TABLE = \"").append(table).append("\";\n\n");
    s.append("  @Override\n");
    s.append("  public void upgrade(MigrationContext ctx) throws Exception {\n");
    s.append("    ctx.execute(\n");
    s.append("        \"CREATE TABLE \"\n");
    s.append("            + TABLE\n");
    s.append("            + \" (id BIGINT PRIMARY KEY, name VARCHAR(200) NOT NULL,\"\n");
    s.append("            + \" amount NUMERIC(12, 2), created_at TIMESTAMP NOT NULL)\");\n");
    s.append(
        "    ctx.execute(\"CREATE INDEX ix_\" + TABLE + \"_name ON \" + TABLE + \" (name)\");\n");
    s.append("  }\n\n");
    s.append("  @Override\n");
    s.append("  public void downgrade(MigrationContext ctx) throws Exception {\n");
    s.append("    ctx.execute(\"DROP TABLE \" + TABLE);\n");
    s.append("  }\n");
    s.append("}\n");
    return s.toString();
  }

  private static String array(List<String> ids) {
    StringBuilder a = new StringBuilder(ids.size() == 1 ? "" : "{");
    for (int i = 0; i < ids.size(); i++) {
      if (i > 0) a.append(", ");
      a.append('"').append(ids.get(i)).append('"');
    }
    return a.append(ids.size() == 1 ? "" : "}").toString();
  }
}
