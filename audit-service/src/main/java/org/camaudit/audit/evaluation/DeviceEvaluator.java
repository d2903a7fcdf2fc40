package org.camaudit.audit.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camaudit.audit.client.Device;
import org.camaudit.audit.policy.Policy;

/**
 * Applies a policy to devices. Every device field and every evidence item is looked at; each rule that fires is
 * reported with the value it fired on. Built once per policy version; immutable and thread-safe.
 *
 * <p>For each device: the vendors restricted at its site ({@link VendorRules#applicable}); what the device says
 * ({@link DeviceFacts}, read once); the rules of each such vendor that fire ({@link VendorRules#match}); how sure
 * that makes the finding ({@link ConfidenceRule}); and what the device is ({@link CategoryClassifier}).
 */
public final class DeviceEvaluator {

    private final int policyVersion;
    private final NameMatcher names;
    private final EvidenceFields evidenceFields;
    private final VendorRules[] vendors;
    private final CategoryClassifier categories;
    /** Per site scope, each vendor's bases there (same order as {@link #vendors}): one lookup per device. */
    private final BoundedCache<SiteScope, ApplicableBases[]> basesByScope = new BoundedCache<>(this::select);

    public DeviceEvaluator(Policy policy) {
        this.policyVersion = policy.version() == null ? 0 : policy.version();
        this.names = new NameMatcher(policy.nameNormalization().corporateSuffixes());
        this.evidenceFields = new EvidenceFields(policy.evidenceFields());
        Map<String, LegalBasis> bases = new HashMap<>();
        policy.legalBases().forEach(basis -> bases.put(basis.id(), LegalBasis.of(basis)));
        String registryDate = policy.ouiRegistry().date();
        this.vendors = policy.vendors().stream().map(vendor -> new VendorRules(vendor, bases, names, registryDate))
                .toArray(VendorRules[]::new);
        this.categories = new CategoryClassifier(policy.categoryRules());
    }

    public int policyVersion() {
        return policyVersion;
    }

    /**
     * One evaluation per restricted vendor the device matches and that a basis in force restricts at the device's
     * site ({@code scope}); empty for everything else.
     */
    public List<Evaluation> evaluate(Device device, SiteScope scope) {
        ApplicableBases[] bases = basesByScope.get(scope);
        DeviceFacts facts = null;
        List<Evaluation> result = new ArrayList<>(1);
        for (int i = 0; i < vendors.length; i++) {
            if (bases[i].flags()) {
                facts = facts == null ? new DeviceFacts(device, evidenceFields, names, scope.date()) : facts;
                Optional<Evaluation> evaluation = evaluate(vendors[i], facts, bases[i]);
                if (evaluation.isPresent()) {
                    result.add(evaluation.get());
                }
            }
        }
        return result;
    }

    private ApplicableBases[] select(SiteScope scope) {
        ApplicableBases[] selected = new ApplicableBases[vendors.length];
        for (int i = 0; i < vendors.length; i++) {
            selected[i] = vendors[i].applicable(scope);
        }
        return selected;
    }

    private Optional<Evaluation> evaluate(VendorRules vendor, DeviceFacts facts, ApplicableBases bases) {
        Signals signals = vendor.match(facts);
        if (signals.isEmpty()) {
            return Optional.empty();
        }
        return ConfidenceRule.decide(signals, facts.reportedManufacturerKnown()).map(confidence -> {
            Optional<DeviceDateReader.DeviceDate> date = facts.date();
            return new Evaluation(vendor.name(), confidence, signals.matchedBy(), bases.inForce(), bases.upcoming(),
                    categories.classify(vendor.models(), facts), date.map(d -> d.date().toString()).orElse(null),
                    date.map(DeviceDateReader.DeviceDate::source).orElse(null));
        });
    }
}
