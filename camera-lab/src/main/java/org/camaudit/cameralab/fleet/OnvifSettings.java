package org.camaudit.cameralab.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The camera's ONVIF service and its account. {@code auth} is {@code none} or {@code digest}
 * (WS-Security UsernameToken PasswordDigest). The account also guards the web UI.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OnvifSettings(Boolean enabled, String auth, String username, String password) {

    public static final String AUTH_NONE = "none";
    public static final String AUTH_DIGEST = "digest";

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    public boolean requiresDigest() {
        return AUTH_DIGEST.equals(auth);
    }
}
