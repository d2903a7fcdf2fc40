package org.camaudit.audit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.evaluation.ShippedRules.rules;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ConfidenceRuleTest {

    private static Signal signal(Strength strength, String kind) {
        return new Signal(new MatchedRule(kind + " rule", "x = y"), strength, kind, "x", false);
    }

    private static Optional<Confidence> of(Signal... signals) {
        return ConfidenceRule.of(List.of(signals));
    }

    @Test
    void shouldConfirmOnAnyDirectSignal() {
        assertThat(of(signal(Strength.SUPPORTING, "onvif-namespace"), signal(Strength.DIRECT, "brand")))
                .contains(Confidence.CONFIRMED);
    }

    @Test
    void shouldRateAPatternAsLikely() {
        assertThat(of(signal(Strength.PATTERN, "model"))).contains(Confidence.LIKELY);
    }

    @Test
    void shouldRateIndirectSignalsOfOneKindAsPossibleAndOfTwoKindsAsLikely() {
        assertThat(of(signal(Strength.INDIRECT, "oui"))).contains(Confidence.POSSIBLE);
        assertThat(of(signal(Strength.INDIRECT, "oui"), signal(Strength.INDIRECT, "oui"))).contains(Confidence.POSSIBLE);
        assertThat(of(signal(Strength.INDIRECT, "oui"), signal(Strength.INDIRECT, "http-server")))
                .contains(Confidence.LIKELY);
    }

    @Test
    void shouldCountASupportingSignalOnlyBesideAnIndirectOne() {
        assertThat(of(signal(Strength.SUPPORTING, "onvif-namespace"))).isEmpty();
        assertThat(of(signal(Strength.SUPPORTING, "onvif-namespace"), signal(Strength.SUPPORTING, "model-shape")))
                .isEmpty();
        assertThat(of(signal(Strength.SUPPORTING, "model-shape"), signal(Strength.INDIRECT, "oui")))
                .contains(Confidence.LIKELY);
        assertThat(of()).isEmpty();
    }

    @Test
    void shouldCountACanonicalManufacturerBesideItsOuiAsTheOuiSignal() {
        Signals signals = new Signals();
        signals.add("alias \"Hikvision\" (word match)", new Observed("manufacturer", "Hikvision"), Strength.DIRECT, "brand");
        signals.addOui("oui 44:19:B6 registered to Hangzhou Hikvision", new Observed("mac", "44:19:b6:00:00:01"));

        assertThat(ConfidenceRule.decide(signals, false)).contains(Confidence.POSSIBLE);
        assertThat(rules(signals)).first().asString().endsWith("(canonical name only, as derived from the MAC registry)");
        assertThat(signals.all()).extracting(Signal::kind).containsExactly("oui", "oui");
    }

    @Test
    void shouldKeepAManufacturerDirectWhenTheDeviceReportedOneOrAnotherSignalIsDirect() {
        Signals reported = new Signals();
        reported.add("alias", new Observed("manufacturer", "Hikvision"), Strength.DIRECT, "brand");
        reported.addOui("oui", new Observed("mac", "44:19:b6:00:00:01"));
        Signals sadp = new Signals();
        sadp.add("alias", new Observed("manufacturer", "Hikvision"), Strength.DIRECT, "brand");
        sadp.addOui("oui", new Observed("mac", "44:19:b6:00:00:01"));
        sadp.add("discovery", new Observed("discoveredBy", "sadp"), Strength.DIRECT, "discovery");

        assertThat(ConfidenceRule.decide(reported, true)).contains(Confidence.CONFIRMED);
        assertThat(ConfidenceRule.decide(sadp, false)).contains(Confidence.CONFIRMED);
    }

    @Test
    void shouldLowerAnAttributionThroughAnUncheckableDatedRelationOneLevelAndSayWhy() {
        Signals signals = new Signals();
        signals.addUndated("brand \"Periodcam\"", new Observed("reportedManufacturer", "Periodcam"), Strength.DIRECT,
                "brand");

        assertThat(ConfidenceRule.decide(signals, true)).contains(Confidence.LIKELY);
        assertThat(rules(signals)).last().asString().startsWith("device date unknown: ");
    }

    @Test
    void shouldNotLowerBelowWhatTheOtherSignalsGiveAlone() {
        Signals withPattern = new Signals();
        withPattern.addUndated("brand", new Observed("reportedManufacturer", "Periodcam"), Strength.DIRECT, "brand");
        withPattern.add("model pattern", new Observed("model", "DS-2CD2142"), Strength.PATTERN, "model");
        Signals withDirect = new Signals();
        withDirect.addUndated("brand", new Observed("reportedManufacturer", "Periodcam"), Strength.DIRECT, "brand");
        withDirect.add("discovery", new Observed("discoveredBy", "sadp"), Strength.DIRECT, "discovery");

        assertThat(ConfidenceRule.decide(withPattern, true)).contains(Confidence.LIKELY);
        assertThat(ConfidenceRule.decide(withDirect, true)).contains(Confidence.CONFIRMED);
        assertThat(rules(withDirect)).noneMatch(rule -> rule.startsWith("device date unknown"));
    }

    @Test
    void shouldKeepPossibleAsTheLowestLevel() {
        Signals signals = new Signals();
        signals.addUndated("brand \"Lorex\"", new Observed("reportedManufacturer", "Lorex"), Strength.INDIRECT, "brand");

        assertThat(ConfidenceRule.decide(signals, true)).contains(Confidence.POSSIBLE);
        assertThat(signals.matchedBy()).hasSize(2);
    }
}
