package org.camaudit.common.ui;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The web console's settings shared by both services. */
@ConfigMapping(prefix = "camaudit")
public interface ConsoleConfig {

    /**
     * Where the inventory's console lives (env {@code CAMAUDIT_INVENTORY_UI_URL}), for the navigation between
     * the two services. Use the same host name for both services so that one sign-in serves both.
     */
    @WithDefault("http://localhost:8081/ui")
    String inventoryUiUrl();

    /** Where the audit's console lives (env {@code CAMAUDIT_AUDIT_UI_URL}). */
    @WithDefault("http://localhost:8082/ui")
    String auditUiUrl();

    /**
     * The secret (at least 16 characters, env {@code CAMAUDIT_SESSION_KEY}) that encrypts the session cookie
     * (AES-GCM) and signs the forms' CSRF tokens. Services with the same key on the same host share one
     * sign-in. Without it each start draws a random key: sessions end at restart and are not shared.
     */
    Optional<String> sessionKey();
}
