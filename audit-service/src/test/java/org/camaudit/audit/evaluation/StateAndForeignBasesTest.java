package org.camaudit.audit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.TestDevices.device;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.camaudit.audit.TestPolicies;
import org.camaudit.audit.client.Device;

/**
 * The default policy's bases outside the US federal ones, each at a site of its own jurisdiction and nowhere else:
 * Huawei's Entity List entry, Louisiana's procurement law (the five vendors, not Uniview), and Australia's removal
 * of Hikvision and Dahua from Defence sites (not Huawei).
 */
class StateAndForeignBasesTest {

    private static final DeviceEvaluator EVALUATOR = new DeviceEvaluator(TestPolicies.defaultPolicy());
    private static final LocalDate CHECKED = LocalDate.of(2026, 12, 1);

    private static List<String> basisIds(Device device, String... jurisdictions) {
        List<Evaluation> evaluations = EVALUATOR.evaluate(device, new SiteScope(Set.of(jurisdictions), CHECKED));
        assertThat(evaluations).hasSize(1);
        return evaluations.get(0).basis().stream().map(LegalBasis::id).toList();
    }

    private static Device made(String manufacturer) {
        return device().manufacturer(manufacturer).build();
    }

    @Test
    void shouldCiteHuaweisEntityListEntryAtAFederalSiteButNotForHikvision() {
        assertThat(basisIds(made("Huawei"), "us-federal")).contains("entity-list-2019-05-16")
                .doesNotContain("entity-list-2019-10-09");
        assertThat(basisIds(made("Hikvision"), "us-federal")).contains("entity-list-2019-10-09")
                .doesNotContain("entity-list-2019-05-16");
    }

    @Test
    void shouldFlagTheFiveAtALouisianaSiteWithOnlyTheLouisianaBasis() {
        for (String vendor : List.of("Hikvision", "Dahua", "Hytera", "Huawei", "ZTE")) {
            assertThat(basisIds(made(vendor), "us-state:LA")).as(vendor).containsExactly("la-sb15-2021");
        }
    }

    @Test
    void shouldNotFlagUniviewInLouisianaWhereOnlyTexasListsIt() {
        assertThat(EVALUATOR.evaluate(made("Uniview"), new SiteScope(Set.of("us-state:LA"), CHECKED))).isEmpty();
    }

    @Test
    void shouldNotApplyLouisianasLawBeforeItTookEffect() {
        SiteScope beforeSb15 = new SiteScope(Set.of("us-state:LA"), LocalDate.of(2021, 7, 31));

        assertThat(EVALUATOR.evaluate(made("Hikvision"), beforeSb15)).isEmpty();
    }

    @Test
    void shouldFlagHikvisionAndDahuaButNotHuaweiOnAustralianDefenceSites() {
        assertThat(basisIds(made("Hikvision"), "au-defence")).containsExactly("au-defence-2023-02-09");
        assertThat(basisIds(made("Dahua"), "au-defence")).containsExactly("au-defence-2023-02-09");
        assertThat(EVALUATOR.evaluate(made("Huawei"), new SiteScope(Set.of("au-defence"), CHECKED))).isEmpty();
    }

    @Test
    void shouldRecogniseHyterasUsSubsidiariesByName() {
        for (String name : List.of("Hytera America, Inc.", "Hytera Communications America (West), Inc.", "Hytera US, Inc.")) {
            List<Evaluation> evaluations = EVALUATOR.evaluate(made(name), new SiteScope(Set.of("us-federal"), CHECKED));
            assertThat(evaluations).as(name).extracting(Evaluation::vendor).containsExactly("Hytera");
        }
    }
}
