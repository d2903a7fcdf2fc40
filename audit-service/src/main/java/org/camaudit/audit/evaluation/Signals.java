package org.camaudit.audit.evaluation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The rules that fired for one vendor on one device, de-duplicated by rule and value, in firing order; and whether
 * one of them was the MAC registry.
 */
final class Signals {

    private record Key(String rule, String value) {
    }

    /** Created with the first signal: most vendors fire nothing on most devices. */
    private Map<Key, Signal> fired = Map.of();
    private boolean ouiEvidence;

    void add(String rule, Observed observed, Strength strength, String kind) {
        put(rule, observed, strength, kind, false);
    }

    /** A signal through a dated relation on a device whose date could not be read. */
    void addUndated(String rule, Observed observed, Strength strength, String kind) {
        put(rule, observed, strength, kind, true);
    }

    /** An indirect signal from the MAC registry: an OUI block of a MAC, or an organisation name looked up there. */
    void addOui(String rule, Observed observed) {
        put(rule, observed, Strength.INDIRECT, "oui", false);
        ouiEvidence = true;
    }

    /** A note that explains the confidence rather than attributing the device; shown last, once. */
    void note(String rule, String evidence, String kind) {
        mutable().put(new Key(rule, ""), new Signal(new MatchedRule(rule, evidence), Strength.SUPPORTING, kind, kind, false));
    }

    private void put(String rule, Observed observed, Strength strength, String kind, boolean undated) {
        mutable().putIfAbsent(new Key(rule, observed.value()),
                new Signal(new MatchedRule(rule, observed.text()), strength, kind, observed.where(), undated));
    }

    private Map<Key, Signal> mutable() {
        if (fired.isEmpty()) {
            fired = new LinkedHashMap<>();
        }
        return fired;
    }

    /** Replaces each signal with what {@code change} makes of it, keeping the order. */
    void replaceAll(UnaryOperator<Signal> change) {
        if (!fired.isEmpty()) {
            fired.replaceAll((key, signal) -> change.apply(signal));
        }
    }

    boolean isEmpty() {
        return fired.isEmpty();
    }

    boolean ouiEvidence() {
        return ouiEvidence;
    }

    Collection<Signal> all() {
        return fired.values();
    }

    List<MatchedRule> matchedBy() {
        return fired.values().stream().map(Signal::rule).toList();
    }
}
