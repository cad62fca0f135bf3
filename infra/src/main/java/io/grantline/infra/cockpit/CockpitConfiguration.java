package io.grantline.infra.cockpit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link EngineStateGuard} and {@link CockpitSingleSignOn} in front of the Camunda webapps, after Spring Security
 * has let only administrators through.
 */
@Configuration(proxyBeanMethods = false)
class CockpitConfiguration {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> cockpitSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", CockpitSingleSignOn.class.getName()));
        // the app pages establish the Camunda session; its API calls then ride on that session
        registration.addUrlPatterns("/camunda/app/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineStateGuard> engineStateGuard(ObjectMapper json) {
        FilterRegistrationBean<EngineStateGuard> registration = new FilterRegistrationBean<>(new EngineStateGuard(json));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
        return registration;
    }
}
