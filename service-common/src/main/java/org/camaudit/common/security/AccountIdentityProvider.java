package org.camaudit.common.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks HTTP Basic (and form) credentials against {@link AccountStore#login}, throttled per account and client
 * address; bcrypt runs off the event loop. A throttled attempt fails with a {@link LoginThrottledException} cause.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final AccountStore accounts;

    AccountIdentityProvider(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String name = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        String address = clientAddress(HttpSecurityUtils.getRoutingContextAttribute(request));
        return context.runBlocking(() -> {
            try {
                return accounts.login(name, password, address)
                        .map(roles -> identity(name, roles))
                        .orElseThrow(() -> new AuthenticationFailedException("invalid credentials"));
            } catch (LoginThrottledException e) {
                throw new AuthenticationFailedException("too many failed logins", e);
            }
        });
    }

    /** The client's IP address (the forwarded one when {@code quarkus.http.proxy} trusts a proxy). */
    static String clientAddress(RoutingContext context) {
        SocketAddress remote = context == null ? null : context.request().remoteAddress();
        return remote == null || remote.host() == null ? "unknown" : remote.host();
    }

    /** The identity of an account with its expanded roles, for every way of signing in. */
    public static SecurityIdentity identity(String name, Set<String> roles) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRoles(roles)
                .build();
    }
}
