package org.camaudit.audit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.TestDevices.device;
import static org.camaudit.audit.evaluation.ShippedRules.AUDIT_DATE;
import static org.camaudit.audit.evaluation.ShippedRules.NAMES;
import static org.camaudit.audit.evaluation.ShippedRules.POLICY;
import static org.camaudit.audit.evaluation.ShippedRules.facts;
import static org.camaudit.audit.evaluation.ShippedRules.vendor;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VendorRulesTest {

    private static VendorRules rules(String vendor) {
        Map<String, LegalBasis> bases = new HashMap<>();
        POLICY.legalBases().forEach(basis -> bases.put(basis.id(), LegalBasis.of(basis)));
        return new VendorRules(vendor(vendor), bases, NAMES, POLICY.ouiRegistry().date());
    }

    @Test
    void shouldReportRulesInOrderNamesOuisMarkersModelsFirmware() {
        Signals signals = rules("Hikvision").match(facts(device().firmware("V5.5.0 build 170725").model("DS-2CD2043G0-I")
                .hardwareId("88").mac("44:19:b6:12:34:56").reportedManufacturer("HIKVISION")));

        assertThat(signals.all()).extracting(Signal::kind)
                .containsExactly("brand", "oui", "hardware-id", "model", "firmware");
    }

    @Test
    void shouldSelectTheBasesOfTheSitesJurisdictionsOnTheAuditDate() {
        VendorRules huawei = rules("Huawei");

        ApplicableBases federal = huawei.applicable(new SiteScope(Set.of("us-federal"), AUDIT_DATE));
        ApplicableBases dod = huawei.applicable(new SiteScope(Set.of("us-dod"), AUDIT_DATE.withYear(2026).withMonth(6)));
        ApplicableBases canada = huawei.applicable(new SiteScope(Set.of("ca"), AUDIT_DATE));

        assertThat(federal.flags()).isTrue();
        assertThat(federal.inForce()).extracting(LegalBasis::jurisdiction).containsOnly("us-federal");
        assertThat(dod.flags()).isFalse();
        assertThat(dod.upcoming()).extracting(LegalBasis::id).containsExactly("ndaa-fy2024-805");
        assertThat(canada.flags()).isFalse();
    }

    @Test
    void shouldFireNothingForAnotherVendorsDevice() {
        assertThat(rules("Dahua").match(facts(device().reportedManufacturer("HIKVISION").model("DS-2CD2043G0-I")
                .mac("44:19:b6:12:34:56").discoveredBy("sadp"))).isEmpty()).isTrue();
    }
}
