package org.camaudit.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.elytron.security.common.BcryptUtil;

/** One account of {@code camaudit.accounts}: a name, a plain or bcrypt password, and its granted roles. */
public record Account(String name, String secret, Set<String> roles) {

    private static final String BCRYPT_PREFIX = "{bcrypt}";

    /** Whether {@code password} is this account's password (constant time for plain secrets). */
    public boolean accepts(String password) {
        if (secret.startsWith(BCRYPT_PREFIX)) {
            return BcryptUtil.matches(password, hash());
        }
        return MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }

    public boolean hashed() {
        return secret.startsWith(BCRYPT_PREFIX);
    }

    /** The bcrypt hash without its {@code {bcrypt}} prefix (only for {@link #hashed()} accounts). */
    String hash() {
        return secret.substring(BCRYPT_PREFIX.length());
    }

    /**
     * Parses {@code name:password:role[|role...]} entries separated by commas. Errors name the entry by its
     * position and account name, never the password.
     *
     * @throws IllegalArgumentException on an entry without three parts, an empty name or password, an unknown
     *                                  role, or a name given twice
     */
    public static Map<String, Account> parse(String spec) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        List<String> entries = Arrays.stream(spec.split(",")).map(String::trim).filter(e -> !e.isEmpty()).toList();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            int first = entry.indexOf(':');
            int last = entry.lastIndexOf(':');
            String where = "camaudit.accounts entry " + (i + 1);
            if (first <= 0 || last == first) {
                throw new IllegalArgumentException(where + " must be name:password:role[|role...]");
            }
            String name = entry.substring(0, first).trim();
            String secret = entry.substring(first + 1, last);
            where += " (" + name + ")";
            if (secret.isEmpty()) {
                throw new IllegalArgumentException(where + " has an empty password");
            }
            Set<String> roles = new LinkedHashSet<>();
            for (String role : entry.substring(last + 1).split("\\|")) {
                String r = role.trim().toLowerCase();
                if (!Roles.ALL.contains(r)) {
                    throw new IllegalArgumentException(where + " has unknown role '" + role.trim() + "'; roles are "
                            + String.join(", ", Roles.ALL));
                }
                roles.add(r);
            }
            if (accounts.putIfAbsent(name, new Account(name, secret, Set.copyOf(roles))) != null) {
                throw new IllegalArgumentException(where + " names an account already defined");
            }
        }
        return accounts;
    }

    /** The account names, for log lines that must not carry secrets. */
    public static List<String> names(Map<String, Account> accounts) {
        return new ArrayList<>(accounts.keySet());
    }

    @Override
    public String toString() {
        return "Account[" + name + ", roles=" + roles + "]";
    }
}
