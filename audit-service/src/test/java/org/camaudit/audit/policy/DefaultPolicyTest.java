package org.camaudit.audit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.camaudit.audit.TestPolicies;

/** The shipped policy file: complete, sourced, and generated from the registry as REFERENCE.md counts it. */
class DefaultPolicyTest {

    private final Policy policy = TestPolicies.defaultPolicy();

    private Policy.Vendor vendor(String name) {
        return policy.vendors().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private static long blocks(Policy.Vendor vendor, String organisation) {
        return vendor.ouis().stream().filter(o -> o.organization().equals(organisation))
                .mapToLong(o -> o.prefixes().size()).sum();
    }

    @Test
    void shouldNameTheFiveRestrictedVendors() {
        assertThat(policy.vendors()).extracting(Policy.Vendor::name)
                .containsExactly("Hikvision", "Dahua", "Hytera", "Huawei", "ZTE", "Uniview");
    }

    @Test
    void shouldCarryTheRegistryBlocksReferenceMdCounts() {
        assertThat(policy.ouiRegistry().date()).isEqualTo("2026-08-26");
        assertThat(policy.ouiRegistry().source()).contains("oui-data 2.1.9");
        assertThat(blocks(vendor("Hikvision"), "Hangzhou Hikvision Digital Technology Co.,Ltd.")
                + blocks(vendor("Hikvision"), "Prama Hikvision India Private Limited")).isEqualTo(86);
        assertThat(blocks(vendor("Hikvision"), "Hangzhou Ezviz Software Co.,Ltd.")).isEqualTo(15);
        assertThat(blocks(vendor("Dahua"), "Zhejiang Dahua Technology Co., Ltd.")
                + blocks(vendor("Dahua"), "ZHEJIANG DAHUA TECHNOLOGYCO.,LTD")
                + blocks(vendor("Dahua"), "ZHEJIANG DAHUA ZHILIAN CO.,LTD")).isEqualTo(33);
        assertThat(blocks(vendor("Hytera"), "Hytera Communications Corporation Limited")
                + blocks(vendor("Hytera"), "Hytera Communications Co .,ltd")).isEqualTo(2);
        assertThat(vendor("Huawei").ouis().stream().mapToLong(o -> o.prefixes().size()).sum()).isBetween(2000L, 2100L);
        assertThat(blocks(vendor("ZTE"), "zte corporation")).isEqualTo(499);
        assertThat(vendor("Hikvision").ouis()).flatExtracting(Policy.OuiBlock::prefixes).contains("44:19:B6", "24:B1:05");
    }

    @Test
    void shouldNotListTheCollidingShanghaiDahuaScaleFactoryBlock() {
        assertThat(policy.vendors()).flatExtracting(Policy.Vendor::ouis).extracting(Policy.OuiBlock::organization)
                .doesNotContain("Shanghai Dahua Scale Factory");
    }

    @Test
    void shouldGiveEveryVendorItsLegalBasisWithDatesAndSources() {
        Map<String, Policy.Basis> bases = policy.legalBases().stream()
                .collect(Collectors.toMap(Policy.Basis::id, b -> b));
        Map<String, List<String>> effective = policy.vendors().stream().collect(Collectors.toMap(Policy.Vendor::name,
                v -> v.basis().stream().map(id -> bases.get(id).effective()).toList()));

        assertThat(effective.get("Hikvision")).contains("2019-08-13", "2020-08-13", "2021-03-12", "2023-02-06",
                "2025-12-26", "2019-10-09", "2026-06-30", "2026-01-26", "2022-11-24", "2025-06-27");
        assertThat(effective.get("Dahua")).contains("2019-08-13", "2020-08-13", "2021-03-12", "2023-02-06", "2019-10-09");
        assertThat(effective.get("Uniview")).containsExactly("2026-01-26");
        policy.vendors().stream().filter(v -> !v.name().equals("Uniview")).forEach(v -> assertThat(effective.get(v.name()))
                .as(v.name()).contains("2019-08-13", "2021-03-12", "2025-12-26"));
    }

    @Test
    void shouldGiveEveryShippedBasisASourceAndTheDateItWasVerified() {
        assertThat(policy.legalBases()).isNotEmpty().allSatisfy(b -> {
            assertThat(b.source()).as(b.id()).startsWith("https://");
            assertThat(b.verified()).as(b.id()).isEqualTo("2026-12-01");
            assertThat(b.jurisdiction()).as(b.id()).isIn(policy.jurisdictions().stream().map(Policy.Jurisdiction::id).toList());
        });
    }

    @Test
    void shouldCiteFcc2284AsTheFinalRuleAt88Fr7592AndCarryFcc2571AndSection805() {
        Map<String, Policy.Basis> bases = policy.legalBases().stream()
                .collect(Collectors.toMap(Policy.Basis::id, b -> b));

        assertThat(bases.get("fcc-22-84").source()).contains("88 FR 7592").doesNotContain("87 FR 75940");
        assertThat(bases.get("fcc-25-71").effective()).isEqualTo("2025-12-26");
        assertThat(bases.get("fcc-25-71").source()).contains("90 FR 53227");
        assertThat(bases.get("ndaa-fy2024-805")).satisfies(b -> {
            assertThat(b.jurisdiction()).isEqualTo("us-dod");
            assertThat(b.effective()).isEqualTo("2026-06-30");
            assertThat(b.deadline()).isEqualTo("2027-06-30");
        });
    }

    @Test
    void shouldMarkUnverifiedOwnershipAndDateEveryRelationThatEnded() {
        assertThat(vendor("Hikvision").brands()).filteredOn(b -> b.name().equals("HIKMICRO"))
                .singleElement().satisfies(b -> assertThat(b.verified()).isFalse());
        assertThat(vendor("Dahua").brands()).filteredOn(b -> b.name().equals("Lorex"))
                .singleElement().satisfies(b -> {
                    assertThat(b.from()).isEqualTo("2018-01-01");
                    assertThat(b.to()).isEqualTo("2022-11-23");
                    assertThat(b.attribution()).isEqualTo(Policy.Attribution.INDIRECT);
                });
        assertThat(vendor("Dahua").brands()).filteredOn(b -> b.name().equals("Dahua Technology USA"))
                .singleElement().satisfies(b -> assertThat(b.to()).isEqualTo("2024-01-31"));
        assertThat(vendor("Hikvision").brands()).filteredOn(b -> b.name().equals("EZVIZ"))
                .singleElement().satisfies(b -> assertThat(b.relation()).contains("2022-12-28", "48%"));
        assertThat(vendor("Hikvision").brands()).filteredOn(b -> List.of("LTS", "Annke").contains(b.name()))
                .hasSize(2).allSatisfy(b -> assertThat(b.attribution()).isEqualTo(Policy.Attribution.INDIRECT));
        assertThat(vendor("Dahua").brands()).filteredOn(b -> b.name().equals("Q-See"))
                .singleElement().satisfies(b -> assertThat(b.attribution()).isEqualTo(Policy.Attribution.INDIRECT));
        assertThat(vendor("Hikvision").brands()).extracting(Policy.Brand::name)
                .contains("EZVIZ", "HiLook", "HiWatch", "Prama Hikvision India")
                .doesNotContain("TRENDnet", "Honeywell", "Swann", "Interlogix");
        assertThat(vendor("Dahua").brands()).extracting(Policy.Brand::name).contains("Amcrest", "IC Realtime", "Imou");
    }
}
