package org.camaudit.common.ui;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

import org.camaudit.common.security.AccountIdentityProvider;
import org.camaudit.common.security.AccountStore;

/**
 * Turns the account name in a valid session cookie back into an identity with the account's current roles;
 * a session of an account since removed from {@code CAMAUDIT_ACCOUNTS} is refused.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final AccountStore accounts;

    SessionIdentityProvider(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String name = request.getPrincipal();
        return accounts.rolesOf(name)
                .map(roles -> Uni.createFrom().item(AccountIdentityProvider.identity(name, roles)))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("no such account")));
    }
}
