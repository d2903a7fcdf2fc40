package org.camaudit.audit.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;

import org.camaudit.audit.TestDevices;
import org.camaudit.audit.TestPolicies;
import org.camaudit.audit.policy.Policy;

/** The shipped policy's parts, compiled the way {@link DeviceEvaluator} compiles them, for tests of each part. */
final class ShippedRules {

    static final Policy POLICY = TestPolicies.defaultPolicy();
    static final NameMatcher NAMES = new NameMatcher(POLICY.nameNormalization().corporateSuffixes());
    static final EvidenceFields FIELDS = new EvidenceFields(POLICY.evidenceFields());
    /** The day the policy's bases were checked. */
    static final LocalDate AUDIT_DATE = LocalDate.of(2026, 12, 1);

    private ShippedRules() {
    }

    static Policy.Vendor vendor(String name) {
        return vendor(POLICY, name);
    }

    static Policy.Vendor vendor(Policy policy, String name) {
        return policy.vendors().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    static DeviceFacts facts(TestDevices device) {
        return new DeviceFacts(device.build(), FIELDS, NAMES, AUDIT_DATE);
    }

    /** The signals {@code rules} (a {@code match(DeviceFacts, Signals)} method) fire on {@code device}. */
    static Signals fired(BiConsumer<DeviceFacts, Signals> rules, TestDevices device) {
        Signals signals = new Signals();
        rules.accept(facts(device), signals);
        return signals;
    }

    static List<String> rules(Signals signals) {
        return signals.all().stream().map(s -> s.rule().rule()).toList();
    }

    static List<String> evidence(Signals signals) {
        return signals.all().stream().map(s -> s.rule().evidence()).toList();
    }
}
