package org.camaudit.audit.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;

import org.camaudit.audit.config.AuditConfig;
import org.camaudit.audit.document.InvalidDocumentException;
import org.camaudit.audit.document.StrictJson;
import org.camaudit.audit.entity.PolicyVersion;
import org.camaudit.audit.evaluation.DeviceEvaluator;
import org.camaudit.audit.policy.Policy;
import org.camaudit.audit.policy.PolicyParser;
import org.camaudit.common.problem.ProblemException;

/** Stores policy versions (the shipped default becomes version 1) and hands audits a compiled evaluator. */
@ApplicationScoped
public class PolicyService {

    /** Who stored the shipped default. */
    static final String SHIPPED = "camaudit (shipped default)";
    private static final long LOCK_KEY = 0x63616d5f706f6cL;

    private final PolicyParser parser;
    private final AuditConfig config;
    private final EntityManager entityManager;
    private final AtomicReference<DeviceEvaluator> evaluator = new AtomicReference<>();

    PolicyService(Validator validator, AuditConfig config, EntityManager entityManager) {
        this.parser = new PolicyParser(validator);
        this.config = config;
        this.entityManager = entityManager;
    }

    /** A summary line of one stored version. */
    @RegisterForReflection
    public record VersionSummary(int version, String published, OffsetDateTime createdAt, String createdBy,
            List<String> vendors) {
    }

    /** Stores the shipped default as version 1 when no policy exists yet. */
    @Transactional
    public void seedDefault() {
        lock();
        if (PolicyVersion.count() > 0) {
            return;
        }
        Policy policy = parser.parse(Resources.read(config.defaults().policy())).withVersion(1);
        store(policy, SHIPPED);
        Log.infof("stored the shipped default policy as version 1 (%d vendors)", policy.vendors().size());
    }

    @Transactional
    public Policy current() {
        return parse(latest());
    }

    @Transactional
    public List<VersionSummary> versions() {
        return PolicyVersion.newestFirst().stream().map(v -> {
            Policy policy = parse(v);
            return new VersionSummary(v.version, policy.published(), v.createdAt, v.createdBy,
                    policy.vendors().stream().map(Policy.Vendor::name).toList());
        }).toList();
    }

    /** Validates {@code json} and stores it as the next version; 400 naming every rejected field. */
    @Transactional
    public Policy update(String json, String user) {
        Policy policy;
        try {
            policy = parser.parse(json);
        } catch (InvalidDocumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Invalid policy",
                    e.errors().get(0).field() + " " + e.errors().get(0).message(), e.errors());
        }
        lock();
        int next = latest().version + 1;
        Policy stored = policy.withVersion(next);
        store(stored, user);
        Log.infof("policy version %d stored by %s", next, user);
        return stored;
    }

    /** The evaluator for the newest policy, compiled once per version. */
    @Transactional
    public DeviceEvaluator evaluator() {
        PolicyVersion latest = latest();
        DeviceEvaluator cached = evaluator.get();
        if (cached != null && cached.policyVersion() == latest.version) {
            return cached;
        }
        DeviceEvaluator compiled = new DeviceEvaluator(parse(latest));
        evaluator.set(compiled);
        return compiled;
    }

    private PolicyVersion latest() {
        return PolicyVersion.latest().orElseThrow(() -> new ProblemException(Response.Status.SERVICE_UNAVAILABLE,
                "No policy", "No policy is stored yet; the service stores its default at start-up"));
    }

    private Policy parse(PolicyVersion stored) {
        return parser.parse(stored.document).withVersion(stored.version);
    }

    private void store(Policy policy, String user) {
        PolicyVersion version = new PolicyVersion();
        version.version = policy.version();
        version.document = StrictJson.write(policy);
        version.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        version.createdBy = user;
        version.persist();
    }

    /** Serialises version numbering between concurrent writers (and service replicas). */
    private void lock() {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
    }
}
