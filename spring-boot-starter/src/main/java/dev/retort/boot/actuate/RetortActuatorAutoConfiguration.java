package dev.retort.boot.actuate;

import dev.retort.boot.RetortAutoConfiguration;
import dev.retort.runtime.Retort;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The actuator endpoint {@code retort} and the health contributor {@code retort}. */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnBean(Retort.class)
public class RetortActuatorAutoConfiguration {

  /** The endpoint, when exposed. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint
  public RetortEndpoint retortEndpoint(Retort retort) {
    return new RetortEndpoint(retort);
  }

  /** The health contributor, with Boot's health support on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("retort")
  static class Health {

    @Bean
    @ConditionalOnMissingBean(name = "retortHealthIndicator")
    RetortHealthIndicator retortHealthIndicator(Retort retort) {
      return new RetortHealthIndicator(retort);
    }
  }
}
