package org.camaudit.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * The configured accounts. Refuses to start the service without any. Successful bcrypt checks are
 * remembered (as a SHA-256 of name and password) so HTTP Basic, which sends the password on every
 * request, does not pay bcrypt's cost each time. A name that is no account is checked against a dummy hash
 * of the same cost as the real ones, so a wrong password takes as long whether or not the account exists.
 */
@Singleton
public class AccountStore {

    /** Checks a password against a bcrypt hash ({@code $2a$...}). */
    interface HashCheck {
        boolean matches(String password, String hash);
    }

    private static final int DEFAULT_COST = 10;

    private final Map<String, Account> accounts;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    private final HashCheck hashCheck;
    private final LoginThrottle throttle;
    private final String dummyHash;

    @Inject
    AccountStore(AccountsConfig config, LoginThrottle throttle) {
        this(parse(config), BcryptUtil::matches, throttle);
    }

    AccountStore(Map<String, Account> accounts, HashCheck hashCheck, LoginThrottle throttle) {
        this.accounts = accounts;
        this.hashCheck = hashCheck;
        this.throttle = throttle;
        this.dummyHash = accounts.values().stream().filter(Account::hashed).map(Account::hash)
                .map(AccountStore::cost).max(Integer::compare)
                .map(cost -> BcryptUtil.bcryptHash(randomPassword(), cost))
                .orElse(null);
    }

    private static Map<String, Account> parse(AccountsConfig config) {
        String spec = config.accounts().map(String::trim).orElse("");
        if (spec.isEmpty()) {
            throw new IllegalStateException("No accounts configured: set CAMAUDIT_ACCOUNTS (property camaudit.accounts) "
                    + "to name:password:role[|role...] entries separated by commas; roles: " + String.join(", ", Roles.ALL));
        }
        return Account.parse(spec);
    }

    void onStart(@Observes StartupEvent event) {
        Log.infof("%d account(s) configured: %s", accounts.size(), Account.names(accounts));
    }

    /**
     * A login from {@code address} (the client's IP address), throttled by {@link LoginThrottle}: the expanded
     * roles when the password is right, empty when it is not.
     *
     * @throws LoginThrottledException when this account failed too often from this address; the password was
     *                                 not checked
     */
    public Optional<Set<String>> login(String name, String password, String address) {
        throttle.retryAfter(name, address).ifPresent(wait -> {
            throw new LoginThrottledException(wait);
        });
        Optional<Set<String>> roles = authenticate(name, password);
        if (roles.isPresent()) {
            throttle.succeeded(name, address);
        } else {
            throttle.failed(name, address);
        }
        return roles;
    }

    /** The expanded roles of {@code name} when {@code password} is right (not throttled; see {@link #login}). */
    public Optional<Set<String>> authenticate(String name, String password) {
        Account account = accounts.get(name);
        if (account == null || password == null) {
            if (dummyHash != null) {
                hashCheck.matches(password == null ? "" : password, dummyHash);
            }
            return Optional.empty();
        }
        if (!account.hashed()) {
            return account.accepts(password) ? Optional.of(Roles.expand(account.roles())) : Optional.empty();
        }
        String key = fingerprint(name, password);
        if (verified.contains(key) || hashCheck.matches(password, account.hash())) {
            verified.add(key);
            return Optional.of(Roles.expand(account.roles()));
        }
        return Optional.empty();
    }

    /** The expanded roles of an account that exists, for a session signed in earlier. */
    public Optional<Set<String>> rolesOf(String name) {
        return Optional.ofNullable(name == null ? null : accounts.get(name)).map(a -> Roles.expand(a.roles()));
    }

    /** The cost factor of a bcrypt hash ({@code $2a$10$...} → 10). */
    static int cost(String hash) {
        String[] parts = hash.split("\\$");
        try {
            return Integer.parseInt(parts[2]);
        } catch (RuntimeException e) {
            return DEFAULT_COST;
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
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
