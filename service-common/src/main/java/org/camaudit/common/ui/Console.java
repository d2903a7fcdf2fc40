package org.camaudit.common.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;

import org.camaudit.common.security.Roles;

/**
 * What every console page needs about the request: who is signed in, what they may do, the CSRF token for
 * their forms and where the other service's pages are. Templates reach it as {@code cdi:console}.
 */
@RequestScoped
@Named("console")
public class Console {

    private final SecurityIdentity identity;
    private final ConsoleConfig config;
    private final CsrfTokens csrf;

    Console(SecurityIdentity identity, ConsoleConfig config, CsrfTokens csrf) {
        this.identity = identity;
        this.config = config;
        this.csrf = csrf;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String user() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    /** The roles as one word each, for the page header. */
    public String roles() {
        return String.join(", ", Roles.ALL.stream().filter(identity::hasRole).toList());
    }

    public boolean facilities() {
        return identity.hasRole(Roles.FACILITIES);
    }

    public boolean auditor() {
        return identity.hasRole(Roles.AUDITOR);
    }

    public String csrfField() {
        return CsrfTokens.FIELD;
    }

    public String csrfToken() {
        return csrf.issue(user());
    }

    public String inventoryUrl() {
        return trim(config.inventoryUiUrl());
    }

    public String auditUrl() {
        return trim(config.auditUiUrl());
    }

    /** Refuses the request with 403 unless the form carried this user's CSRF token. */
    public void checkForm(String token) {
        csrf.check(user(), token);
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
