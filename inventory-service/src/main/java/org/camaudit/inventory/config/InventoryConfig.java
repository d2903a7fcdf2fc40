package org.camaudit.inventory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the inventory service, under {@code camaudit.inventory}. */
@ConfigMapping(prefix = "camaudit.inventory")
public interface InventoryConfig {

    /** Most observations accepted in one {@code POST /api/v1/observations}; more is answered with 413. */
    @WithDefault("10000")
    int maxObservations();

    /**
     * A device that this many consecutive complete scans of its site covering its address did not see is
     * marked {@code missing}.
     */
    @WithDefault("3")
    int missingAfterScans();

    /** How often an ingest is attempted when concurrent scans collide (deadlock or key race). */
    @WithDefault("5")
    int ingestAttempts();
}
