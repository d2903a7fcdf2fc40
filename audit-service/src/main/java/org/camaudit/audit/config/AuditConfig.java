package org.camaudit.audit.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the audit service can be told; the inventory's URL is {@code quarkus.rest-client.inventory.url}. */
@ConfigMapping(prefix = "camaudit.audit")
public interface AuditConfig {

    /** How the service reads devices from inventory-service ({@code GET /api/v1/devices/stream}). */
    Inventory inventory();

    /** Where the shipped defaults come from. */
    Defaults defaults();

    /** Audit runs. */
    Audits audits();

    /**
     * Jurisdictions of a site that has none set through {@code PUT /api/v1/sites/{site}/jurisdictions}
     * (env {@code CAMAUDIT_DEFAULT_JURISDICTIONS}, comma-separated); ids of the policy's {@code jurisdictions}.
     */
    @WithDefault("us-federal")
    List<String> defaultJurisdictions();

    interface Inventory {

        /** Account used against inventory-service (env {@code INVENTORY_USER}); none sends no credentials. */
        Optional<String> user();

        /** Its password (env {@code INVENTORY_PASSWORD}). */
        Optional<String> password();

        /** An audit refuses inventories larger than this, so a misbehaving inventory cannot exhaust memory. */
        @WithDefault("2000000")
        @Min(1)
        int maxDevices();
    }

    interface Defaults {

        /** Classpath resource of the policy seeded as version 1 into an empty database. */
        @WithDefault("policy/default-policy.json")
        String policy();

        /** Classpath resource of the cost table seeded as version 1 into an empty database. */
        @WithDefault("policy/cost-table.json")
        String costTable();
    }

    interface Audits {

        /** Longest time storing one audit's findings may take before it is rolled back. */
        @WithDefault("10m")
        Duration transactionTimeout();
    }
}
