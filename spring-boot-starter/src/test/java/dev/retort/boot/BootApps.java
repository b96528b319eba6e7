package dev.retort.boot;

import dev.retort.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts a real Boot application on a database of the test kit. */
final class BootApps {

  private BootApps() {}

  /**
   * Starts {@code sources} on {@code url}, a database of {@code database}, with Hibernate
   * validating the schema and no web server, and {@code properties} on top.
   */
  static ConfigurableApplicationContext start(
      TestDatabase database, String url, List<Class<?>> sources, String... properties) {
    List<String> all = new ArrayList<>();
    all.add("spring.main.web-application-type=none");
    all.add("spring.datasource.url=" + url);
    all.add("spring.jpa.hibernate.ddl-auto=validate");
    all.add("spring.jpa.open-in-view=false");
    if (database == TestDatabase.SQLITE) {
      all.add("spring.jpa.database-platform=org.hibernate.community.dialect.SQLiteDialect");
    }
    all.addAll(List.of(properties));
    return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
        .properties(all.toArray(String[]::new))
        .run();
  }
}
