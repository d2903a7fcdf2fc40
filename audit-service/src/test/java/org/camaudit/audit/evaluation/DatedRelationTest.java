package org.camaudit.audit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.TestDevices.device;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.camaudit.audit.PolicyJson;
import org.camaudit.audit.TestDevices;
import org.camaudit.audit.TestPolicies;

/** Brand relations count only for devices made within their period; an unreadable date costs one level. */
class DatedRelationTest {

    private static final SiteScope FEDERAL = new SiteScope(Set.of("us-federal"), LocalDate.of(2026, 12, 1));
    private static final DeviceEvaluator SHIPPED = new DeviceEvaluator(TestPolicies.defaultPolicy());
    /** The shipped policy plus a direct Hikvision brand owned only in 2019 and 2020. */
    private static final DeviceEvaluator WITH_DIRECT_DATED_BRAND = new DeviceEvaluator(TestPolicies.parser().parse(
            PolicyJson.edit(TestPolicies.defaultPolicyJson(), "Hikvision", vendor -> vendor.withArray("brands").addObject()
                    .put("name", "Periodcam").put("relation", "owned 2019-2020").put("verified", true)
                    .put("attribution", "direct").put("from", "2019-01-01").put("to", "2020-12-31")
                    .put("source", "https://example.org/periodcam"))).withVersion(2));

    private static List<Evaluation> lorex(String firmware) {
        TestDevices device = device().reportedManufacturer("Lorex Technology Inc.");
        return SHIPPED.evaluate((firmware == null ? device : device.firmware(firmware)).build(), FEDERAL);
    }

    @Test
    void shouldAttributeLorexThroughDahuaOnTheLastDayOfThePeriodAndShowTheDate() {
        Evaluation evaluation = lorex("LX 1.2, Build Date 2022-11-23").get(0);

        assertThat(evaluation.vendor()).isEqualTo("Dahua");
        assertThat(evaluation.confidence()).isEqualTo(Confidence.POSSIBLE);
        assertThat(evaluation.deviceDate()).isEqualTo("2022-11-23");
        assertThat(evaluation.deviceDateSource()).startsWith("firmware build date in firmwareVersion = LX 1.2");
        assertThat(evaluation.matchedBy()).extracting(MatchedRule::rule)
                .anyMatch(rule -> rule.contains("device made 2022-11-23 (within the period)"));
    }

    @Test
    void shouldNotAttributeLorexMadeTheDayAfterTheSaleOrBeforeDahuaBoughtIt() {
        assertThat(lorex("LX 1.2, Build Date 2022-11-24")).isEmpty();
        assertThat(lorex("LX 1.0, Build Date 2017-12-31")).isEmpty();
        assertThat(lorex("LX 1.0, Build Date 2018-01-01")).extracting(Evaluation::vendor).containsExactly("Dahua");
    }

    @Test
    void shouldKeepAnUndatedIndirectRelationPossibleAndSayWhy() {
        Evaluation evaluation = lorex(null).get(0);

        assertThat(evaluation.confidence()).isEqualTo(Confidence.POSSIBLE);
        assertThat(evaluation.deviceDate()).isNull();
        assertThat(evaluation.matchedBy()).extracting(MatchedRule::rule)
                .contains("device date unknown: attribution through a dated relation drops one confidence level");
    }

    @Test
    void shouldDropADirectDatedBrandOneLevelWhenTheDateCannotBeRead() {
        Evaluation undated = WITH_DIRECT_DATED_BRAND.evaluate(device().reportedManufacturer("Periodcam").build(), FEDERAL)
                .get(0);

        assertThat(undated.vendor()).isEqualTo("Hikvision");
        assertThat(undated.confidence()).isEqualTo(Confidence.LIKELY);
    }

    @Test
    void shouldReadTheHikvisionSerialDateAndApplyItOnBothSidesOfTheBoundary() {
        Evaluation inside = WITH_DIRECT_DATED_BRAND.evaluate(device().reportedManufacturer("Periodcam")
                .serial("PC-100-20201231AAWR123456789").build(), FEDERAL).get(0);
        List<Evaluation> after = WITH_DIRECT_DATED_BRAND.evaluate(device().reportedManufacturer("Periodcam")
                .firmware("PC build 210101").build(), FEDERAL);

        assertThat(inside.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(inside.deviceDate()).isEqualTo("2020-12-31");
        assertThat(inside.deviceDateSource()).isEqualTo("production date in serialNumber = PC-100-20201231AAWR123456789");
        assertThat(after).noneMatch(e -> e.confidence() == Confidence.CONFIRMED);
    }

    @Test
    void shouldIgnoreDatesThatAreNoDaysOrLieInTheFuture() {
        assertThat(DeviceDateReader.read(List.of(Map.entry("serialNumber", "X20221345AAWR1")),
                List.of(Map.entry("firmwareVersion", "Build Date 2030-01-01")), LocalDate.of(2026, 12, 1))).isEmpty();
    }
}
