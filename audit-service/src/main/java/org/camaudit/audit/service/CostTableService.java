package org.camaudit.audit.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;

import org.camaudit.audit.config.AuditConfig;
import org.camaudit.audit.document.InvalidDocumentException;
import org.camaudit.audit.document.StrictJson;
import org.camaudit.audit.entity.CostTableVersion;
import org.camaudit.audit.plan.CostTable;
import org.camaudit.common.problem.ProblemException;

/** Stores cost-table versions (the shipped defaults become version 1); the plan prices with the newest. */
@ApplicationScoped
public class CostTableService {

    private static final long LOCK_KEY = 0x63616d5f636f73L;

    private final Validator validator;
    private final AuditConfig config;
    private final EntityManager entityManager;

    CostTableService(Validator validator, AuditConfig config, EntityManager entityManager) {
        this.validator = validator;
        this.config = config;
        this.entityManager = entityManager;
    }

    @Transactional
    public void seedDefault() {
        lock();
        if (CostTableVersion.count() > 0) {
            return;
        }
        CostTable table = StrictJson.read(Resources.read(config.defaults().costTable()), CostTable.class, validator);
        store(table.withVersion(1), PolicyService.SHIPPED);
        Log.infof("stored the shipped default cost table as version 1 (%s)", table.currency());
    }

    @Transactional
    public CostTable current() {
        CostTableVersion latest = latest();
        return StrictJson.read(latest.document, CostTable.class, validator).withVersion(latest.version);
    }

    @Transactional
    public CostTable update(String json, String user) {
        CostTable table;
        try {
            table = StrictJson.read(json, CostTable.class, validator);
        } catch (InvalidDocumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Invalid cost table",
                    e.errors().get(0).field() + " " + e.errors().get(0).message(), e.errors());
        }
        lock();
        CostTable stored = table.withVersion(latest().version + 1);
        store(stored, user);
        Log.infof("cost table version %d stored by %s", stored.version(), user);
        return stored;
    }

    private CostTableVersion latest() {
        return CostTableVersion.latest().orElseThrow(() -> new ProblemException(Response.Status.SERVICE_UNAVAILABLE,
                "No cost table", "No cost table is stored yet; the service stores its default at start-up"));
    }

    private void store(CostTable table, String user) {
        CostTableVersion version = new CostTableVersion();
        version.version = table.version();
        version.document = StrictJson.write(table);
        version.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        version.createdBy = user;
        version.persist();
    }

    private void lock() {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
    }
}
