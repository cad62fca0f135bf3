package io.grantline.infra.security;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A person proving who they are once more, on the page where they decide: their own local password, checked against
 * the stored hash (one bcrypt, only for the decisions that ask for it).
 */
@Component
public class Reauthentication {

    private final LocalAccounts accounts;
    private final PasswordEncoder passwords;

    Reauthentication(LocalAccounts accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
    }

    public boolean confirms(String username, String password) {
        if (password == null || password.isEmpty() || password.length() > 1000) {
            return false;
        }
        return accounts.find(username).map(account -> passwords.matches(password, account.passwordHash())).orElse(false);
    }
}
