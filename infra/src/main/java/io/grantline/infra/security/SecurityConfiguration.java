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
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
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
    static final String SECURITY_OPERATOR = Role.SECURITY_OPERATOR.name();
    static final String COMPLIANCE_OFFICER = Role.COMPLIANCE_OFFICER.name();
    /** Every active identity that may sign in: requesters and approvers. */
    static final String IDENTITY = "IDENTITY";

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(properties.bcryptStrength())));
    }

    /**
     * Path patterns match on the whole request path, whichever servlet serves it. The default matchers assume Spring
     * MVC and would miss the paths Camunda's own servlets serve ({@code /engine-rest}, {@code /camunda}).
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> jwtDecoder,
                            OidcIdentityConverter oidc) throws Exception {
        http.securityMatcher("/api/**", "/engine-rest/**")
                // Who may call what, in one table; checked before a body is read, so a caller without the role
                // learns nothing about the input's validity.
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/identities", "/api/entitlements", "/api/identities/*/owner")
                        .hasRole(ADMINISTRATOR)
                        .requestMatchers(HttpMethod.PUT, "/api/identities/*/roles", "/api/identities/*/local-credential")
                        .hasRole(ADMINISTRATOR)
                        .requestMatchers(HttpMethod.POST, "/api/identities/*/compromised", "/api/identities/*/departure")
                        .hasAnyRole(ADMINISTRATOR, SECURITY_OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/api/identities")
                        .hasAnyRole(ADMINISTRATOR, COMPLIANCE_OFFICER, SECURITY_OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/api/access-requests", "/api/approvals/*/decision").hasRole(IDENTITY)
                        .requestMatchers(HttpMethod.GET, "/api/approvals/inbox").hasRole(IDENTITY)
                        .requestMatchers(HttpMethod.POST, "/api/grants/*/revoke").hasAnyRole(ADMINISTRATOR, SECURITY_OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/api/campaigns").hasAnyRole(ADMINISTRATOR, COMPLIANCE_OFFICER)
                        .requestMatchers(HttpMethod.GET, "/api/campaigns/**")
                        .hasAnyRole(ADMINISTRATOR, COMPLIANCE_OFFICER, SECURITY_OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/api/reviews/inbox").hasRole(IDENTITY)
                        .requestMatchers(HttpMethod.POST, "/api/reviews/*/decision", "/api/reviews/decisions").hasRole(IDENTITY)
                        .requestMatchers(HttpMethod.POST, "/api/reviews/*/delegation").hasAnyRole(IDENTITY, ADMINISTRATOR)
                        .requestMatchers("/api/compliance/**").hasAnyRole(ADMINISTRATOR, COMPLIANCE_OFFICER)
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
                        // a review digest's link is its own capability, checked by its controller
                        .requestMatchers("/reviews/link/**").permitAll()
                        .requestMatchers("/mailbox/**", "/camunda/**").hasRole(ADMINISTRATOR)
                        .anyRequest().authenticated())
                .formLogin(form -> form.defaultSuccessUrl("/", false))
                // the Camunda webapps carry their own CSRF protection (X-XSRF-TOKEN); an approval link is itself an
                // unguessable capability bound to one approver, which is what a CSRF token would add
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/approvals/**", "/reviews/link/**"))
                .httpBasic(basic -> { })
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; frame-ancestors 'self'")));
        return http.build();
    }
}
