package io.grantline.infra.cockpit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Lets Camunda Cockpit trust Grantline's own sign-in: Spring Security admits only administrators to {@code /camunda/**},
 * and this provider hands that person to the Camunda webapps, so there is no second account to keep in step.
 */
public class CockpitSingleSignOn implements AuthenticationProvider {

    static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean administrator = auth != null && auth.isAuthenticated()
                && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMINISTRATOR".equals(a.getAuthority()));
        if (!administrator) {
            return AuthenticationResult.unsuccessful();
        }
        mirrorIntoCamunda(engine, auth.getName());
        AuthenticationResult result = AuthenticationResult.successful(auth.getName());
        result.setGroups(List.of(CAMUNDA_ADMIN_GROUP));
        return result;
    }

    /**
     * The webapps only accept people their own identity service knows, so the administrator is mirrored there, with a
     * random password nobody knows: signing in always goes through Grantline.
     */
    private static void mirrorIntoCamunda(ProcessEngine engine, String username) {
        IdentityService identities = engine.getIdentityService();
        if (identities.createUserQuery().userId(username).count() == 0) {
            User user = identities.newUser(username);
            user.setPassword(UUID.randomUUID() + "-" + UUID.randomUUID());
            identities.saveUser(user);
        }
        if (identities.createGroupQuery().groupId(CAMUNDA_ADMIN_GROUP).count() == 0) {
            Group group = identities.newGroup(CAMUNDA_ADMIN_GROUP);
            group.setName("Grantline administrators");
            group.setType("SYSTEM");
            identities.saveGroup(group);
        }
        if (identities.createUserQuery().userId(username).memberOfGroup(CAMUNDA_ADMIN_GROUP).count() == 0) {
            identities.createMembership(username, CAMUNDA_ADMIN_GROUP);
        }
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security has already asked the person to sign in.
    }
}
