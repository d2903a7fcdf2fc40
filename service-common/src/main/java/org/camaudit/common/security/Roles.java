package org.camaudit.common.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The five roles of both services. A role implies others: {@code facilities} and {@code auditor} may also
 * read everything ({@code viewer}); {@code admin} may do everything. {@code scanner} may only post
 * observations. Implied roles are added at login, so resources name the least role they need.
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String FACILITIES = "facilities";
    public static final String SCANNER = "scanner";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(VIEWER, FACILITIES, SCANNER, AUDITOR, ADMIN);

    private Roles() {
    }

    /** The granted roles plus every role they imply. */
    public static Set<String> expand(Set<String> granted) {
        Set<String> roles = new LinkedHashSet<>(granted);
        if (roles.contains(ADMIN)) {
            roles.addAll(ALL);
        }
        if (roles.contains(FACILITIES) || roles.contains(AUDITOR)) {
            roles.add(VIEWER);
        }
        return Set.copyOf(roles);
    }
}
