package org.camaudit.audit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import org.camaudit.audit.config.AuditConfig;
import org.camaudit.audit.document.StrictJson;
import org.camaudit.audit.document.VersionedDocumentStore;
import org.camaudit.audit.entity.CostTableVersion;
import org.camaudit.audit.plan.CostTable;

/** Stores cost-table versions (the shipped defaults become version 1); the plan prices with the newest. */
@ApplicationScoped
public class CostTableService {

    private static final long LOCK_KEY = 0x63616d5f636f73L;

    private final AuditConfig config;
    private final VersionedDocumentStore<CostTable, CostTableVersion> store;

    CostTableService(Validator validator, AuditConfig config, EntityManager entityManager) {
        this.config = config;
        this.store = new VersionedDocumentStore<>("cost table", CostTableVersion.class, CostTableVersion::new,
                new VersionedDocumentStore.Format<>() {
                    @Override
                    public CostTable parse(String json) {
                        return StrictJson.read(json, CostTable.class, validator);
                    }

                    @Override
                    public CostTable withVersion(CostTable table, int version) {
                        return table.withVersion(version);
                    }
                }, LOCK_KEY, entityManager);
    }

    /** Stores the shipped default as version 1, or as the next version over a table lacking a category. */
    @Transactional
    public void seedDefault() {
        store.seed(Resources.read(config.defaults().costTable()), PolicyService.SHIPPED);
    }

    @Transactional
    public CostTable current() {
        return store.current();
    }

    /** Validates {@code json} and stores it as the next version; 400 naming every rejected field. */
    @Transactional
    public CostTable update(String json, String user) {
        return store.update(json, user);
    }
}
