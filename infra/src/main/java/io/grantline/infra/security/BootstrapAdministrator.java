package io.grantline.infra.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes sure the bootstrap administrator can sign in. A configured password always wins (so an operator can reset it
 * by restarting with a new one); without one, a random password is generated on the first start and logged once.
 */
@Component
class BootstrapAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final LocalAccounts accounts;
    private final PasswordEncoder passwords;
    private final SecurityProperties properties;

    BootstrapAdministrator(LocalAccounts accounts, PasswordEncoder passwords, SecurityProperties properties) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String username = properties.adminUsername();
        String configured = properties.adminPassword();
        var existing = accounts.find(username);
        if (configured != null && !configured.isBlank()) {
            if (existing.isEmpty() || !existing.get().administrator() || !passwords.matches(configured, existing.get().passwordHash())) {
                accounts.save(username, passwords.encode(configured), true);
                log.info("Administrator '{}' signs in with the configured password", username);
            }
        } else if (existing.isEmpty()) {
            String generated = randomPassword();
            accounts.save(username, passwords.encode(generated), true);
            log.warn("Generated password for administrator '{}': {}  (shown once; set GRANTLINE_ADMIN_PASSWORD to choose one)",
                    username, generated);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
