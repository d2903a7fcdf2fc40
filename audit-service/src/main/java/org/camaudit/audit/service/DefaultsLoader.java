package org.camaudit.audit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/** Stores the shipped policy and cost table at start-up, once, into an empty database. */
@ApplicationScoped
class DefaultsLoader {

    void onStart(@Observes StartupEvent event, PolicyService policies, CostTableService costs) {
        policies.seedDefault();
        costs.seedDefault();
    }
}
