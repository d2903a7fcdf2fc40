package org.camaudit.audit.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;

import org.camaudit.audit.config.AuditConfig;
import org.camaudit.audit.document.InvalidDocumentException;
import org.camaudit.audit.document.StrictJson;
import org.camaudit.audit.entity.SiteJurisdiction;
import org.camaudit.audit.evaluation.SiteScope;
import org.camaudit.audit.policy.Policy;
import org.camaudit.common.problem.Problem.FieldError;
import org.camaudit.common.problem.ProblemException;

/**
 * Which jurisdictions the policy knows, and which ones each site is audited under: what an auditor set, else
 * {@code camaudit.audit.default-jurisdictions}.
 */
@ApplicationScoped
public class JurisdictionService {

    private final PolicyService policies;
    private final AuditConfig config;
    private final Validator validator;

    JurisdictionService(PolicyService policies, AuditConfig config, Validator validator) {
        this.policies = policies;
        this.config = config;
        this.validator = validator;
    }

    /** A jurisdiction with the bases of the current policy that bind in it, and the vendors each one restricts. */
    @RegisterForReflection
    public record JurisdictionView(String id, String name, String source, List<BasisView> bases) {
    }

    @RegisterForReflection
    public record BasisView(String id, String law, String effective, String deadline, String scope, String source,
            String verified, List<String> vendors) {
    }

    /** A site's jurisdictions; {@code configured} is false when they are the default. */
    @RegisterForReflection
    public record SiteJurisdictions(String site, List<String> jurisdictions, boolean configured) {
    }

    /** The body of {@code PUT /api/v1/sites/{site}/jurisdictions}. */
    @RegisterForReflection
    public record SiteJurisdictionsBody(@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> jurisdictions) {
    }

    public List<JurisdictionView> list() {
        Policy policy = policies.current();
        Map<String, List<String>> vendorsByBasis = new HashMap<>();
        for (Policy.Vendor vendor : policy.vendors()) {
            vendor.basis().forEach(id -> vendorsByBasis.computeIfAbsent(id, k -> new ArrayList<>()).add(vendor.name()));
        }
        return policy.jurisdictions().stream().map(j -> new JurisdictionView(j.id(), j.name(), j.source(),
                policy.legalBases().stream().filter(b -> b.jurisdiction().equals(j.id()))
                        .map(b -> new BasisView(b.id(), b.law(), b.effective(), b.deadline(), b.scope(), b.source(),
                                b.verified(), vendorsByBasis.getOrDefault(b.id(), List.of())))
                        .toList()))
                .toList();
    }

    @Transactional
    public SiteJurisdictions get(String site) {
        SiteJurisdiction stored = SiteJurisdiction.findById(site);
        return stored == null ? new SiteJurisdictions(site, config.defaultJurisdictions(), false)
                : new SiteJurisdictions(site, stored.jurisdictions, true);
    }

    /** Validates the body against the current policy's jurisdictions and stores it; 400 naming the field. */
    @Transactional
    public SiteJurisdictions put(String site, String json, String user) {
        SiteJurisdictionsBody body;
        try {
            body = StrictJson.read(json, SiteJurisdictionsBody.class, validator);
        } catch (InvalidDocumentException e) {
            throw invalid(e.errors());
        }
        Set<String> known = new LinkedHashSet<>();
        policies.current().jurisdictions().forEach(j -> known.add(j.id()));
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < body.jurisdictions().size(); i++) {
            if (!known.contains(body.jurisdictions().get(i))) {
                errors.add(new FieldError("jurisdictions[" + i + "]", "is not a jurisdiction of the policy (" + known + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        SiteJurisdiction stored = SiteJurisdiction.findById(site);
        if (stored == null) {
            stored = new SiteJurisdiction();
            stored.site = site;
        }
        stored.jurisdictions = List.copyOf(new LinkedHashSet<>(body.jurisdictions()));
        stored.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        stored.updatedBy = user;
        stored.persist();
        Log.infof("site %s audited under %s, set by %s", site, stored.jurisdictions, user);
        return new SiteJurisdictions(site, stored.jurisdictions, true);
    }

    /** Each site's scope on {@code date}; sites without a row get the default jurisdictions. */
    @Transactional
    public Function<String, SiteScope> scopes(LocalDate date) {
        Map<String, SiteScope> bySite = new HashMap<>();
        for (SiteJurisdiction row : SiteJurisdiction.<SiteJurisdiction>listAll()) {
            bySite.put(row.site, new SiteScope(Set.copyOf(row.jurisdictions), date));
        }
        SiteScope fallback = new SiteScope(Set.copyOf(config.defaultJurisdictions()), date);
        return site -> site == null ? fallback : bySite.getOrDefault(site, fallback);
    }

    private static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(Response.Status.BAD_REQUEST, "Invalid jurisdictions",
                errors.get(0).field() + " " + errors.get(0).message(), errors);
    }
}
