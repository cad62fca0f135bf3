package io.grantline.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grantline.api.identity.Role;
import io.grantline.infra.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import java.util.Map;

/**
 * Who may call what. The API answers HTTP Basic (local accounts) or OIDC bearer tokens, statelessly, and never
 * redirects: a missing or wrong credential is a 401 problem. Pages use form sign-in. Approval links carry their own
 * capability and are checked by their controller.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String ADMINISTRATOR = Role.ADMINISTRATOR.name();

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(properties.bcryptStrength())));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> jwtDecoder,
                            OidcIdentityConverter oidc) throws Exception {
        http.securityMatcher("/api/**", "/engine-rest/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/engine-rest/**").hasRole(ADMINISTRATOR)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> Problems.writeUnauthorized(response, json)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> Problems.writeUnauthorized(response, json))
                        .accessDeniedHandler((request, response, e) -> Problems.writeForbidden(response, json)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless API with credentials on every call: no cookie for a forged cross-site request to ride on
                .csrf(csrf -> csrf.disable());
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(oidc))
                    .authenticationEntryPoint((request, response, e) -> Problems.writeUnauthorized(response, json)));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers("/login", "/error", "/approvals/**", "/css/**").permitAll()
                        .requestMatchers("/mailbox/**", "/camunda/**").hasRole(ADMINISTRATOR)
                        .anyRequest().authenticated())
                .formLogin(form -> form.defaultSuccessUrl("/", false))
                // the Camunda webapps carry their own CSRF protection (X-XSRF-TOKEN)
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
                .httpBasic(basic -> { })
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; frame-ancestors 'self'")));
        return http.build();
    }
}
