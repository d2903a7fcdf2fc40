package org.camaudit.audit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.evaluation.ShippedRules.rules;
import static org.camaudit.audit.evaluation.ShippedRules.vendor;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.camaudit.audit.PolicyJson;
import org.camaudit.audit.TestPolicies;
import org.camaudit.audit.policy.Category;

class PatternRulesTest {

    private static final PatternRules HIKVISION_MODELS = PatternRules.models(vendor("Hikvision"));
    private static final PatternRules HIKVISION_FIRMWARES = PatternRules.firmwares(vendor("Hikvision"));

    private static Signals match(PatternRules rules, String... values) {
        Signals signals = new Signals();
        rules.match(List.of(values).stream().map(v -> new Observed("model", v)).toList(), signals);
        return signals;
    }

    @Test
    void shouldReportEveryPatternThatMatchesAValue() {
        Signals signals = match(HIKVISION_MODELS, "DS-2CD2142FWD-I");

        assertThat(rules(signals)).hasSize(2).allMatch(rule -> rule.startsWith("model pattern ^DS-2CD"));
        assertThat(signals.all()).allSatisfy(s -> {
            assertThat(s.strength()).isEqualTo(Strength.PATTERN);
            assertThat(s.kind()).isEqualTo("model");
        });
    }

    @Test
    void shouldMatchFirmwareVersionsAsTheirOwnKind() {
        assertThat(match(HIKVISION_FIRMWARES, "V5.5.0 build 170725").all()).singleElement()
                .extracting(Signal::kind).isEqualTo("firmware");
        assertThat(match(HIKVISION_FIRMWARES, "V5.5.0").isEmpty()).isTrue();
    }

    @Test
    void shouldFireNothingOnValuesNoPatternMatches() {
        assertThat(match(HIKVISION_MODELS, "AXIS Q6045-E", "XNV-8080R", "SD4E").isEmpty()).isTrue();
    }

    @Test
    void shouldTakeTheCategoryOfTheFirstPatternInPolicyOrder() {
        assertThat(HIKVISION_MODELS.category(List.of(new Observed("model", "DS-2CD2142FWD-I")))).contains(Category.DOME);
        assertThat(HIKVISION_MODELS.category(List.of(new Observed("model", "DS-2CD2043G0-I")))).contains(Category.FIXED);
        assertThat(HIKVISION_MODELS.category(List.of(new Observed("model", "AXIS Q6045-E")))).isEmpty();
    }

    @Test
    void shouldJoinPatternsIntoOneUnlessOneRefersToAGroup() {
        assertThat(PatternRules.union(List.of())).isNull();
        assertThat(PatternRules.union(List.of("^(A)\\1-", "^B"))).isNull();
        assertThat(PatternRules.union(List.of("^(?<x>A)\\k<x>-"))).isNull();
        assertThat(PatternRules.union(List.of("^DS-", "^IPC-")).matcher("IPC-HFW2431S").find()).isTrue();
    }

    @Test
    void shouldStillMatchEachPatternWhenTheyCannotBeJoined() {
        PatternRules withBackreference = PatternRules.models(vendor(TestPolicies.parser().parse(PolicyJson.edit(
                TestPolicies.defaultPolicyJson(), "Hikvision", vendor -> vendor.withArray("modelPatterns").addObject()
                        .put("pattern", "^(QQ)\\1-").put("category", "camera").put("description", "doubled prefix")
                        .put("source", "https://example.org/doubled"))), "Hikvision"));

        assertThat(rules(match(withBackreference, "QQQQ-1"))).containsExactly("model pattern ^(QQ)\\1- (doubled prefix)");
        assertThat(rules(match(withBackreference, "DS-2DE4425IW-DE"))).hasSize(1);
    }
}
