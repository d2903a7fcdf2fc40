package org.camaudit.audit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.TestDevices.device;
import static org.camaudit.audit.evaluation.ShippedRules.NAMES;
import static org.camaudit.audit.evaluation.ShippedRules.fired;
import static org.camaudit.audit.evaluation.ShippedRules.rules;
import static org.camaudit.audit.evaluation.ShippedRules.vendor;

import org.junit.jupiter.api.Test;

import org.camaudit.audit.TestDevices;

class NameRulesTest {

    private static final NameRules HIKVISION = new NameRules(vendor("Hikvision"), NAMES);
    private static final NameRules DAHUA = new NameRules(vendor("Dahua"), NAMES);

    @Test
    void shouldMatchAWordAliasInsideALongerNameAsADirectBrandSignal() {
        Signals signals = fired(HIKVISION::match, device().reportedManufacturer("HIKVISION DS-2CD2142"));

        assertThat(rules(signals)).containsExactly("alias \"Hikvision\" (word match)");
        assertThat(signals.all()).allSatisfy(s -> {
            assertThat(s.strength()).isEqualTo(Strength.DIRECT);
            assertThat(s.kind()).isEqualTo("brand");
        });
    }

    @Test
    void shouldMatchAnExactAliasOnlyAsTheWholeName() {
        assertThat(fired(DAHUA::match, device().reportedManufacturer("Shanghai Dahua Scale Factory")).isEmpty()).isTrue();
        assertThat(rules(fired(DAHUA::match, device().reportedManufacturer("DAHUA")))).containsExactly("alias \"Dahua\" (exact match)");
    }

    @Test
    void shouldMatchALegalEntityWhateverItsLegalFormWords() {
        assertThat(rules(fired(DAHUA::match, device().manufacturer("Zhejiang Dahua Technology Co., Ltd."))))
                .contains("alias \"Zhejiang Dahua\" (word match)")
                .anyMatch(rule -> rule.startsWith("legal entity "));
    }

    @Test
    void shouldMatchANameWithoutLatinLettersAsASubstring() {
        assertThat(rules(fired(HIKVISION::match, device().manufacturer("杭州海康威视数字技术股份有限公司"))))
                .containsExactly("alias \"海康威视\" (word match)");
    }

    @Test
    void shouldCountADatedBrandOnlyForDevicesMadeWithinItsPeriod() {
        TestDevices lorex = device().reportedManufacturer("Lorex Technology Inc.");

        Signals within = fired(DAHUA::match, lorex.firmware("LX 1.2, Build Date 2020-06-05"));
        Signals after = fired(DAHUA::match, device().reportedManufacturer("Lorex").firmware("LX 1.2, Build Date 2022-11-24"));
        Signals undated = fired(DAHUA::match, device().reportedManufacturer("Lorex"));

        assertThat(rules(within)).singleElement().asString().startsWith("brand \"Lorex\": ")
                .contains("[2018-01-01 to 2022-11-23]").endsWith("; device made 2020-06-05 (within the period)");
        assertThat(within.all()).singleElement().extracting(Signal::strength, Signal::undated)
                .containsExactly(Strength.INDIRECT, false);
        assertThat(after.isEmpty()).isTrue();
        assertThat(undated.all()).singleElement().extracting(Signal::undated).isEqualTo(true);
    }

    @Test
    void shouldSayWhenABrandsOwnershipIsUnverified() {
        assertThat(rules(fired(HIKVISION::match, device().reportedManufacturer("HIKMICRO"))))
                .singleElement().asString().endsWith("(ownership unverified)");
    }
}
