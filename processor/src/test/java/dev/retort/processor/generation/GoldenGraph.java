package dev.retort.processor.generation;

import static dev.retort.processor.Fixtures.source;

import java.util.List;
import javax.tools.JavaFileObject;

/**
 * A small graph with every kind of metadata: a base, two branches (one labelled, one not
 * transactional), a merge that is irreversible and nested, and a description that needs escaping.
 */
final class GoldenGraph {

  static final String CREATE_USERS =
      """
      package com.acme.db;

      import dev.retort.Migration;
      import dev.retort.MigrationContext;
      import dev.retort.Revision;

      /** Not part of the checksum: it starts at the first annotation. */
      @Revision(id = "a1f3", description = "create users")
      public class CreateUsers implements Migration {
        @Override
        public void upgrade(MigrationContext ctx) throws Exception {
          ctx.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
        }

        @Override
        public void downgrade(MigrationContext ctx) throws Exception {
          ctx.execute("DROP TABLE users");
        }
      }
      """;

  static final String ADD_EMAIL_INDEX =
      """
      package com.acme.db;

      import dev.retort.Migration;
      import dev.retort.MigrationContext;
      import dev.retort.Revision;

      @Revision(
          id = "b2c4",
          revises = "a1f3",
          description = "index \\"users.email\\"\\tconcurrently",
          transactional = false)
      public class AddEmailIndex implements Migration {
        @Override
        public void upgrade(MigrationContext ctx) throws Exception {
          ctx.execute("CREATE INDEX CONCURRENTLY users_email ON users (email)");
        }

        @Override
        public void downgrade(MigrationContext ctx) throws Exception {
          ctx.execute("DROP INDEX users_email");
        }
      }
      """;

  static final String CREATE_TEAMS =
      """
      package com.acme.db.teams;

      import dev.retort.Migration;
      import dev.retort.MigrationContext;
      import dev.retort.Revision;

      @Revision(id = "c3d5", revises = "a1f3", dependsOn = "b2c4", branchLabels = {"teams", "t"})
      public final class CreateTeams implements Migration {
        @Override
        public void upgrade(MigrationContext ctx) throws Exception {
          ctx.execute("CREATE TABLE teams (id INTEGER PRIMARY KEY)");
        }

        @Override
        public void downgrade(MigrationContext ctx) throws Exception {
          ctx.execute("DROP TABLE teams");
        }
      }
      """;

  static final String MERGE =
      """
      package com.acme.db;

      import dev.retort.Irreversible;
      import dev.retort.Migration;
      import dev.retort.MigrationContext;
      import dev.retort.Revision;

      public final class Cleanup {
        private Cleanup() {}

        @Irreversible("drops the legacy table")
        @Revision(id = "d4e6", revises = {"b2c4", "c3d5"})
        public static final class Merge implements Migration {
          @Override
          public void upgrade(MigrationContext ctx) throws Exception {
            ctx.execute("DROP TABLE legacy");
          }
        }
      }
      """;

  /** The sources in a fixed order; the generated registry must not depend on it. */
  static List<JavaFileObject> sources() {
    return List.of(
        source("com.acme.db.CreateUsers", CREATE_USERS),
        source("com.acme.db.AddEmailIndex", ADD_EMAIL_INDEX),
        source("com.acme.db.teams.CreateTeams", CREATE_TEAMS),
        source("com.acme.db.Cleanup", MERGE));
  }

  /** The text a top-level class's checksum covers: first annotation to closing brace. */
  static String topLevelClassText(String source) {
    return source.substring(source.indexOf('@'), source.lastIndexOf('}') + 1);
  }

  /** The text of the nested {@code Merge} class: its first annotation to its closing brace. */
  static String mergeClassText() {
    return MERGE.substring(MERGE.indexOf("@Irreversible"), MERGE.lastIndexOf("  }") + 3);
  }

  private GoldenGraph() {}
}
