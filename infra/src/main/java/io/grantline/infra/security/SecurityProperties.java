package io.grantline.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings.
 *
 * @param adminUsername  the bootstrap administrator ({@code GRANTLINE_ADMIN_USERNAME})
 * @param adminPassword  its password ({@code GRANTLINE_ADMIN_PASSWORD}); when unset, a random one is generated on the
 *                       first start and logged once
 * @param bcryptStrength work factor of the password hashes (10 by default; each sign-in costs about 2^strength rounds)
 * @param identityClaim  the OIDC token claim that names the Grantline identity (production sign-in)
 */
@ConfigurationProperties("grantline.security")
public record SecurityProperties(@DefaultValue("admin") String adminUsername, String adminPassword,
                                 @DefaultValue("10") int bcryptStrength, @DefaultValue("sub") String identityClaim) {
}
