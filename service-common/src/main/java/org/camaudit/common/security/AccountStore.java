package org.camaudit.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * The configured accounts. Refuses to start the service without any. Successful bcrypt checks are
 * remembered (as a SHA-256 of name and password) so HTTP Basic, which sends the password on every
 * request, does not pay bcrypt's cost each time.
 */
@Singleton
public class AccountStore {

    private final Map<String, Account> accounts;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    AccountStore(AccountsConfig config) {
        String spec = config.accounts().map(String::trim).orElse("");
        if (spec.isEmpty()) {
            throw new IllegalStateException("No accounts configured: set CAMAUDIT_ACCOUNTS (property camaudit.accounts) "
                    + "to name:password:role[|role...] entries separated by commas; roles: " + String.join(", ", Roles.ALL));
        }
        this.accounts = Account.parse(spec);
    }

    void onStart(@Observes StartupEvent event) {
        Log.infof("%d account(s) configured: %s", accounts.size(), Account.names(accounts));
    }

    /** The expanded roles of {@code name} when {@code password} is right. */
    public Optional<Set<String>> authenticate(String name, String password) {
        Account account = accounts.get(name);
        if (account == null || password == null) {
            return Optional.empty();
        }
        if (!account.hashed()) {
            return account.accepts(password) ? Optional.of(Roles.expand(account.roles())) : Optional.empty();
        }
        String key = fingerprint(name, password);
        if (verified.contains(key) || account.accepts(password)) {
            verified.add(key);
            return Optional.of(Roles.expand(account.roles()));
        }
        return Optional.empty();
    }

    /** The expanded roles of an account that exists, for a session signed in earlier. */
    public Optional<Set<String>> rolesOf(String name) {
        return Optional.ofNullable(name == null ? null : accounts.get(name)).map(a -> Roles.expand(a.roles()));
    }

    private static String fingerprint(String name, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
