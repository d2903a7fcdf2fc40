package org.camaudit.audit.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.camaudit.audit.config.AuditConfig;
import org.camaudit.audit.document.VersionedDocumentStore;
import org.camaudit.audit.entity.PolicyVersion;
import org.camaudit.audit.evaluation.DeviceEvaluator;
import org.camaudit.audit.policy.Policy;
import org.camaudit.audit.policy.PolicyParser;

/** Stores policy versions (the shipped default becomes version 1) and hands audits a compiled evaluator. */
@ApplicationScoped
public class PolicyService {

    /** Who stored the shipped default. */
    static final String SHIPPED = "camaudit (shipped default)";
    private static final long LOCK_KEY = 0x63616d5f706f6cL;

    private final AuditConfig config;
    private final VersionedDocumentStore<Policy, PolicyVersion> store;
    private final AtomicReference<DeviceEvaluator> evaluator = new AtomicReference<>();

    PolicyService(Validator validator, AuditConfig config, EntityManager entityManager) {
        PolicyParser parser = new PolicyParser(validator);
        this.config = config;
        this.store = new VersionedDocumentStore<>("policy", PolicyVersion.class, PolicyVersion::new,
                new VersionedDocumentStore.Format<>() {
                    @Override
                    public Policy parse(String json) {
                        return parser.parse(json);
                    }

                    @Override
                    public Policy withVersion(Policy policy, int version) {
                        return policy.withVersion(version);
                    }
                }, LOCK_KEY, entityManager);
    }

    /** A summary line of one stored version. */
    @RegisterForReflection
    public record VersionSummary(int version, String published, OffsetDateTime createdAt, String createdBy,
            List<String> vendors) {
    }

    /** Stores the shipped default as version 1, or as the next version over a policy of an earlier schema. */
    @Transactional
    public void seedDefault() {
        store.seed(Resources.read(config.defaults().policy()), SHIPPED);
    }

    @Transactional
    public Policy current() {
        return store.current();
    }

    /** Every stored version; one written in an earlier schema is listed without its published date and vendors. */
    @Transactional
    public List<VersionSummary> versions() {
        return store.newestFirst().stream().map(v -> {
            try {
                Policy policy = store.read(v);
                return new VersionSummary(v.version, policy.published(), v.createdAt, v.createdBy,
                        policy.vendors().stream().map(Policy.Vendor::name).toList());
            } catch (org.camaudit.audit.document.InvalidDocumentException e) {
                return new VersionSummary(v.version, null, v.createdAt, v.createdBy, List.of());
            }
        }).toList();
    }

    /** Validates {@code json} and stores it as the next version; 400 naming every rejected field. */
    @Transactional
    public Policy update(String json, String user) {
        return store.update(json, user);
    }

    /** The evaluator for the newest policy, compiled once per version. */
    @Transactional
    public DeviceEvaluator evaluator() {
        PolicyVersion latest = store.latest();
        DeviceEvaluator cached = evaluator.get();
        if (cached != null && cached.policyVersion() == latest.version) {
            return cached;
        }
        DeviceEvaluator compiled = new DeviceEvaluator(store.read(latest));
        evaluator.set(compiled);
        return compiled;
    }
}
