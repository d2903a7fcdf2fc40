package org.camaudit.audit.evaluation;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * How sure a finding is, from the signals that fired for its vendor:
 * <ul>
 * <li>{@code confirmed}: any direct signal;
 * <li>{@code likely}: a pattern signal, or indirect signals of two different kinds (supporting ones count as a
 * kind beside an indirect one, never alone);
 * <li>{@code possible}: indirect signals of one kind;
 * <li>no finding: nothing, or supporting signals only.
 * </ul>
 * Two adjustments come first: a canonical {@code manufacturer} that only repeats the MAC registry counts as the OUI
 * signal it came from, and an attribution that rests on a dated relation the device's date cannot be checked
 * against drops one level.
 */
final class ConfidenceRule {

    private static final String REGISTRY_DERIVED = " (canonical name only, as derived from the MAC registry)";
    private static final String UNDATED_RULE =
            "device date unknown: attribution through a dated relation drops one confidence level";
    private static final String UNDATED_EVIDENCE = "no production date in the serial number or firmware version";

    private ConfidenceRule() {
    }

    /**
     * The confidence of {@code signals}, after both adjustments; the adjustments are written into {@code signals}
     * so that the finding says why.
     *
     * @param reportedManufacturerKnown whether the device reported a manufacturer of its own
     */
    static Optional<Confidence> decide(Signals signals, boolean reportedManufacturerKnown) {
        demoteRegistryDerivedManufacturer(signals, reportedManufacturerKnown);
        return datedConfidence(signals);
    }

    /** The rule itself, on signals as they are. */
    static Optional<Confidence> of(Collection<Signal> signals) {
        if (signals.isEmpty()) {
            return Optional.empty();
        }
        Set<String> indirectKinds = new HashSet<>();
        boolean pattern = false;
        boolean standalone = false;
        for (Signal signal : signals) {
            switch (signal.strength()) {
                case DIRECT -> {
                    return Optional.of(Confidence.CONFIRMED);
                }
                case PATTERN -> pattern = true;
                case INDIRECT -> {
                    indirectKinds.add(signal.kind());
                    standalone = true;
                }
                case SUPPORTING -> indirectKinds.add(signal.kind());
            }
        }
        if (pattern || (standalone && indirectKinds.size() >= 2)) {
            return Optional.of(Confidence.LIKELY);
        }
        return standalone ? Optional.of(Confidence.POSSIBLE) : Optional.empty();
    }

    /**
     * A canonical {@code manufacturer} with no reported one beside it, on a device with OUI evidence, may have been
     * derived from the MAC registry by the scanner: then it only repeats the OUI signal.
     */
    static void demoteRegistryDerivedManufacturer(Signals signals, boolean reportedManufacturerKnown) {
        if (reportedManufacturerKnown || !signals.ouiEvidence()) {
            return;
        }
        boolean otherDirect = signals.all().stream()
                .anyMatch(s -> s.strength() == Strength.DIRECT && !"manufacturer".equals(s.where()));
        if (otherDirect) {
            return;
        }
        signals.replaceAll(s -> s.strength() == Strength.DIRECT && "manufacturer".equals(s.where())
                ? new Signal(new MatchedRule(s.rule().rule() + REGISTRY_DERIVED, s.rule().evidence()), Strength.INDIRECT,
                        "oui", s.where(), false)
                : s);
    }

    /**
     * The confidence, lowered one level (not below possible, and not below what the signals without the dated
     * relation give) when it rests on a dated relation that could not be checked against the device's date; the
     * reason is added to the signals.
     */
    static Optional<Confidence> datedConfidence(Signals signals) {
        Optional<Confidence> with = of(signals.all());
        if (with.isEmpty() || signals.all().stream().noneMatch(Signal::undated)) {
            return with;
        }
        Optional<Confidence> without = of(signals.all().stream().filter(s -> !s.undated()).toList());
        if (without.isPresent() && without.get().priority() <= with.get().priority()) {
            return with;
        }
        Confidence lowered = with.get().lower();
        signals.note(UNDATED_RULE, UNDATED_EVIDENCE, "date");
        return Optional.of(without.isPresent() && without.get().priority() < lowered.priority() ? without.get() : lowered);
    }
}
