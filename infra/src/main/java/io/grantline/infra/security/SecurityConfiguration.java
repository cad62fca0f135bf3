package io.grantline.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grantline.api.identity.Role;
import io.grantline.infra.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. The API answers HTTP Basic (local accounts), Grantline API tokens or OIDC bearer tokens, and the
 * session of a browser signed in on the pages (with CSRF); it never redirects: a missing or wrong credential is a 401
 * problem. Pages use form sign-in. Approval links carry their own
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

    private static final RequestMatcher camunda = PathPatternRequestMatcher.withDefaults().matcher("/camunda/**");
    private static final RequestMatcher approvals = PathPatternRequestMatcher.withDefaults().matcher("/approvals/**");
    private static final RequestMatcher reviewLinks = PathPatternRequestMatcher.withDefaults().matcher("/reviews/link/**");

    private static boolean signedIn(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return request.getSession(false) != null && auth != null && auth.isAuthenticated()
                && !(auth instanceof AnonymousAuthenticationToken);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> jwtDecoder,
                            OidcIdentityConverter oidc, ApiTokens tokens,
                            GrantlineUserDetailsService.IdentityRoles identities, GrantlineUserDetailsService users)
            throws Exception {
        http.securityMatcher("/api/**", "/engine-rest/**")
                // Who may call what, in one table; checked before a body is read, so a caller without the role
                // learns nothing about the input's validity.
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/identities", "/api/entitlements", "/api/identities/*/owner")
                        .hasRole(ADMINISTRATOR)
                        .requestMatchers(HttpMethod.PUT, "/api/identities/*/roles", "/api/identities/*/local-credential",
                                "/api/identities/*/manager", "/api/identities/*/sponsor", "/api/identities/*/directory-entry",
                                "/api/entitlements/*/owner",
                                "/api/entitlements/*/policy")
                        .hasRole(ADMINISTRATOR)
                        .requestMatchers(HttpMethod.POST, "/api/entitlements/*/retirement").hasRole(ADMINISTRATOR)
                        .requestMatchers(HttpMethod.POST, "/api/identities/*/compromised", "/api/identities/*/departure",
                                "/api/identities/*/suspension", "/api/identities/*/reinstate")
                        .hasAnyRole(ADMINISTRATOR, SECURITY_OPERATOR)
                        .requestMatchers("/api/reconciliation", "/api/reconciliation/**")
                        .hasAnyRole(ADMINISTRATOR, SECURITY_OPERATOR, Role.OT_SECURITY.name())
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
                        // the engine's own REST API is not served (docs/adr/0006); nobody reaches it, whatever is deployed
                        .requestMatchers("/engine-rest/**").denyAll()
                        .requestMatchers("/api/tokens", "/api/tokens/**").hasRole(IDENTITY)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> Problems.writeUnauthorized(response, json)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> Problems.writeUnauthorized(response, json))
                        .accessDeniedHandler((request, response, e) -> {
                            if (e instanceof CsrfException) {
                                Problems.writeCsrfRefused(response, json);
                            } else {
                                Problems.writeForbidden(response, json);
                            }
                        }))
                // Scripts send credentials on every call and never get a session. A browser signed in on the pages
                // uses its session here too (never a new one): then, and only then, unsafe methods need the CSRF
                // token, as a forged cross-site request would ride on that cookie. A call that carries credentials
                // is judged by them alone, never by a session beside them.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .securityContext(context -> context.securityContextRepository(new SessionUnlessCredentials()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SessionUnlessCredentials::unsafeOnSession))
                .addFilterBefore(new ApiTokenFilter(tokens, identities, json), BasicAuthenticationFilter.class)
                .addFilterAfter(new FreshSessionAuthorities(users), SecurityContextHolderFilter.class);
        if (jwtDecoder.getIfAvailable() != null) {
            DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    // Grantline's own API tokens are checked by ApiTokenFilter, not decoded as JWTs
                    .bearerTokenResolver(request -> ApiTokenFilter.carriesToken(request) ? null : bearer.resolve(request))
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(oidc))
                    .authenticationEntryPoint((request, response, e) -> Problems.writeUnauthorized(response, json)));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Clock clock, GrantlineUserDetailsService users) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers("/login", "/error", "/approvals/**", "/css/**").permitAll()
                        .requestMatchers("/js/**", "/favicon.ico").permitAll()
                        // a review digest's link is its own capability, checked by its controller
                        .requestMatchers("/reviews/link/**").permitAll()
                        .requestMatchers("/mailbox/**", "/camunda/**").hasRole(ADMINISTRATOR)
                        // the pages' forms, each with the roles of the API call it makes
                        .requestMatchers(HttpMethod.POST, "/admin/identities", "/admin/identities/*/roles",
                                "/admin/identities/*/local-credential", "/admin/identities/*/owner", "/admin/identities/*/sponsor", "/admin/entitlements")
                        .hasRole(ADMINISTRATOR)
                        .requestMatchers(HttpMethod.POST, "/admin/identities/*/compromised", "/admin/identities/*/departure",
                                "/admin/identities/*/suspension", "/admin/identities/*/reinstate")
                        .hasAnyRole(ADMINISTRATOR, SECURITY_OPERATOR)
                        // every other form of the catalog (entitlement policy, retirement, ...) is the administrator's
                        .requestMatchers(HttpMethod.POST, "/admin/**").hasRole(ADMINISTRATOR)
                        .requestMatchers("/admin/**").hasAnyRole(ADMINISTRATOR, SECURITY_OPERATOR)
                        .requestMatchers("/compliance", "/compliance/**").hasAnyRole(ADMINISTRATOR, COMPLIANCE_OFFICER)
                        .requestMatchers("/requests/new", "/inbox", "/inbox/**", "/tokens", "/tokens/**").hasRole(IDENTITY)
                        .requestMatchers(HttpMethod.POST, "/requests", "/reviews", "/reviews/*/delegation").hasRole(IDENTITY)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(new SignInTimeRecorder(clock)))
                // The Camunda webapps carry their own CSRF protection (X-XSRF-TOKEN). An approval link is itself an
                // unguessable capability bound to one approver, so a decision by the link alone needs no token; but a
                // decision that a signed-in session vouches for needs the page's token, or another site could ride it.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> camunda.matches(request)
                        || (approvals.matches(request) || reviewLinks.matches(request)) && !signedIn(request)))
                .httpBasic(basic -> { })
                .addFilterAfter(new FreshSessionAuthorities(users), SecurityContextHolderFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; frame-ancestors 'self'")));
        return http.build();
    }
}
