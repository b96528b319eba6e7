package dev.retort.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.retort.boot.app.LibraryApp;
import dev.retort.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's customizer and strategy beans take part in start-up. */
class HooksTest {

  private static final TestDatabase SQLITE = TestDatabase.SQLITE;

  @TempDir Path dir;

  @Configuration(proxyBeanMethods = false)
  static class CustomVersionTable {
    @Bean
    RetortBuilderCustomizer versionTable() {
      return builder -> builder.versionTable("custom_version");
    }
  }

  /** A strategy that leaves the database behind, as a deploy job that migrates later would. */
  @Configuration(proxyBeanMethods = false)
  static class FirstRevisionOnly {
    @Bean
    RetortMigrationStrategy firstRevisionOnly() {
      return retort -> retort.upgrade("a1f3c9");
    }
  }

  @Test
  void aCustomizerAdjustsTheBuilderAfterTheProperties() throws Exception {
    String url = SQLITE.freshUrl(dir);
    BootApps.start(
            SQLITE,
            url,
            List.of(LibraryApp.class, CustomVersionTable.class),
            "retort.version-table=from_properties")
        .close();
    assertEquals(
        List.of("b27e01"), TestDatabase.column(url, "SELECT version_num FROM custom_version"));
    assertFalse(SQLITE.tables(url).contains("from_properties"));
  }

  @Test
  void aStrategyReplacesTheUpgradeAtStartUp() throws Exception {
    String url = SQLITE.freshUrl(dir);
    BootApps.start(
            SQLITE,
            url,
            List.of(LibraryApp.class, FirstRevisionOnly.class),
            // the entity's author column is not there yet
            "spring.jpa.hibernate.ddl-auto=none")
        .close();
    assertEquals(
        List.of("a1f3c9"), TestDatabase.column(url, "SELECT version_num FROM retort_version"));
  }
}
