package org.camaudit.audit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.TestDevices.device;
import static org.camaudit.audit.evaluation.ShippedRules.NAMES;
import static org.camaudit.audit.evaluation.ShippedRules.POLICY;
import static org.camaudit.audit.evaluation.ShippedRules.fired;
import static org.camaudit.audit.evaluation.ShippedRules.rules;
import static org.camaudit.audit.evaluation.ShippedRules.vendor;

import org.junit.jupiter.api.Test;

import org.camaudit.audit.PolicyJson;
import org.camaudit.audit.TestPolicies;
import org.camaudit.audit.policy.Policy;

class OuiRulesTest {

    private static final String DATE = POLICY.ouiRegistry().date();
    private static final OuiRules HIKVISION = new OuiRules(vendor("Hikvision"), NAMES, DATE);
    /** Hikvision with an MA-S block inside its MA-L block 44:19:B6. */
    private static final OuiRules WITH_MA_S = new OuiRules(vendor(TestPolicies.parser().parse(PolicyJson.edit(
            TestPolicies.defaultPolicyJson(), "Hikvision", vendor -> vendor.withArray("ouis").addObject()
                    .put("organization", "Small Block Org").put("registry", "MA-S")
                    .set("prefixes", vendor.arrayNode().add("44:19:B6:12:3")))), "Hikvision"), NAMES, DATE);

    @Test
    void shouldMatchAMacInARegisteredBlockAndNameTheRegistryDate() {
        Signals signals = fired(HIKVISION::match, device().mac("44:19:b6:12:34:56"));

        assertThat(rules(signals)).containsExactly("oui 44:19:B6 registered to Hangzhou Hikvision Digital Technology "
                + "Co.,Ltd. (IEEE MA-L, registry of " + DATE + ")");
        assertThat(signals.all()).singleElement().extracting(Signal::strength, Signal::kind)
                .containsExactly(Strength.INDIRECT, "oui");
        assertThat(signals.ouiEvidence()).isTrue();
    }

    @Test
    void shouldMatchTheLongestRegisteredBlockOnly() {
        assertThat(rules(fired(WITH_MA_S::match, device().mac("44:19:b6:12:34:56"))))
                .containsExactly("oui 44:19:B6:12:3 registered to Small Block Org (IEEE MA-S, registry of " + DATE + ")");
        assertThat(rules(fired(WITH_MA_S::match, device().mac("44:19:b6:13:34:56")))).singleElement().asString()
                .startsWith("oui 44:19:B6 registered to Hangzhou Hikvision");
    }

    @Test
    void shouldIgnoreAValueThatIsNotAWholeMac() {
        Signals signals = fired(HIKVISION::match, device().mac("44:19:b6:12:34"));

        assertThat(signals.isEmpty()).isTrue();
        assertThat(signals.ouiEvidence()).isFalse();
    }

    @Test
    void shouldMatchARegistryLookupNamingARegisteredOrganisation() {
        Signals signals = fired(HIKVISION::match, device().evidence("oui", "manufacturer", "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD"));

        assertThat(rules(signals)).containsExactly("oui organisation \"HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD\" "
                + "(IEEE registry of " + DATE + ")");
        assertThat(signals.ouiEvidence()).isTrue();
    }

    @Test
    void shouldNotMatchAnotherVendorsBlock() {
        Policy.Vendor dahua = vendor("Dahua");

        assertThat(fired(new OuiRules(dahua, NAMES, DATE)::match, device().mac("44:19:b6:12:34:56")).isEmpty()).isTrue();
    }
}
