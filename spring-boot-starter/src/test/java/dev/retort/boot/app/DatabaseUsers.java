package dev.retort.boot.app;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Beans that read the migrated table while they are created: a JdbcTemplate user and a bean marked
 * {@code @DependsOnDatabaseInitialization} that has only the DataSource.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseUsers {

  /** What each bean read, in the order the beans were created. */
  public static final class Reads {
    public final List<String> titles = new ArrayList<>();
  }

  @Bean
  Reads reads() {
    return new Reads();
  }

  @Bean
  String jdbcTemplateUser(JdbcTemplate jdbc, Reads reads) {
    String title = jdbc.queryForObject("SELECT title FROM book WHERE id = 1", String.class);
    reads.titles.add("JdbcTemplate: " + title);
    return title;
  }

  @Bean
  @DependsOnDatabaseInitialization
  Integer dataSourceUser(DataSource dataSource, Reads reads) {
    Integer count =
        new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM book", Integer.class);
    reads.titles.add("DataSource: " + count + " book(s)");
    return count;
  }
}
