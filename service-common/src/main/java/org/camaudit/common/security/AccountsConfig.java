package org.camaudit.common.security;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The accounts allowed to use a service. */
@ConfigMapping(prefix = "camaudit")
public interface AccountsConfig {

    /**
     * Accounts as {@code name:password:role[|role...]} entries separated by commas (env
     * {@code CAMAUDIT_ACCOUNTS}). A password may be a bcrypt hash written {@code {bcrypt}$2a$...}. No default:
     * without accounts the service refuses to start.
     */
    Optional<String> accounts();
}
