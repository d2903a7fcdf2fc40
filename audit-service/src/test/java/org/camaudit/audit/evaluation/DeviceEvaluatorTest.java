package org.camaudit.audit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.TestDevices.device;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.camaudit.audit.TestDevices;
import org.camaudit.audit.TestPolicies;
import org.camaudit.audit.client.Device;
import org.camaudit.audit.policy.Category;

class DeviceEvaluatorTest {

    private static final DeviceEvaluator EVALUATOR = new DeviceEvaluator(TestPolicies.defaultPolicy());
    /** A site audited under US federal law on the day the policy's bases were checked. */
    private static final SiteScope FEDERAL = new SiteScope(Set.of("us-federal"), LocalDate.of(2026, 12, 1));

    private static List<Evaluation> evaluate(TestDevices device) {
        return EVALUATOR.evaluate(device.build(), FEDERAL);
    }

    private static Evaluation only(List<Evaluation> evaluations) {
        assertThat(evaluations).hasSize(1);
        return evaluations.get(0);
    }

    private static List<String> rules(Evaluation evaluation) {
        return evaluation.matchedBy().stream().map(MatchedRule::rule).toList();
    }

    // --- recorded devices ---

    @Test
    void shouldConfirmARecordedHikvisionCameraAndShowEverySignal() throws Exception {
        Device device = FixtureDevices.fromOnvif("hikvision/DS-2CD2012-I_fwV5.2.0_build140721", "44:19:b6:12:34:56", "Hikvision");

        Evaluation evaluation = only(EVALUATOR.evaluate(device, FEDERAL));

        assertThat(evaluation.vendor()).isEqualTo("Hikvision");
        assertThat(evaluation.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(evaluation.category()).isEqualTo(Category.FIXED);
        assertThat(evaluation.matchedBy()).extracting(MatchedRule::evidence).contains(
                "reportedManufacturer = HIKVISION",
                "model = DS-2CD2012-I",
                "firmwareVersion = V5.2.0 build 140721",
                "hardwareId = 88",
                "mac = 44:19:b6:12:34:56",
                "evidence onvif.GetDeviceInformation/namespace = xmlns:tnshik=http://www.hikvision.com/2011/event/topics");
        assertThat(evaluation.basis()).extracting(LegalBasis::effective)
                .contains("2019-08-13", "2020-08-13", "2021-03-12", "2023-02-06", "2019-10-09");
    }

    @Test
    void shouldClassifyARecordedHikvisionSpeedDomeAsPtz() throws Exception {
        Device device = FixtureDevices.fromOnvif("hikvision/DS-2DF7276-AEL_fwV5.1.6_build140401", null, "Hikvision");

        Evaluation evaluation = only(EVALUATOR.evaluate(device, FEDERAL));

        assertThat(evaluation.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(evaluation.category()).isEqualTo(Category.PTZ);
    }

    @Test
    void shouldCatchHikvisionFirmwareRelabelledAsTrendnet() throws Exception {
        Device device = FixtureDevices.fromOnvif("trendnet_hikvision-oem/TV-IP320PI_fwV5.3.4_build160830", null, "TRENDnet");

        Evaluation evaluation = only(EVALUATOR.evaluate(device, FEDERAL));

        assertThat(evaluation.vendor()).isEqualTo("Hikvision");
        assertThat(evaluation.confidence()).isEqualTo(Confidence.LIKELY);
        assertThat(evaluation.matchedBy()).extracting(MatchedRule::evidence).contains(
                "firmwareVersion = V5.3.4 build 160830", "hardwareId = 88",
                "serialNumber = TV-IP320PI20161206AAWR863642784");
        assertThat(rules(evaluation)).noneMatch(rule -> rule.startsWith("alias"));
    }

    @Test
    void shouldCatchHikvisionFirmwareBehindAnOnvifManufacturerString() throws Exception {
        Device device = FixtureDevices.fromOnvif("hikvision-oem/ENP1A14-IR_25X_fwV5.5.3_build180822", null, "ONVIF");

        Evaluation evaluation = only(EVALUATOR.evaluate(device, FEDERAL));

        assertThat(evaluation.vendor()).isEqualTo("Hikvision");
        assertThat(evaluation.confidence()).isEqualTo(Confidence.LIKELY);
    }

    @Test
    void shouldConfirmRelabelledHikvisionThatAnswersSadp() throws Exception {
        Device recorded = FixtureDevices.fromOnvif("trendnet_hikvision-oem/TV-IP320PI_fwV5.3.4_build160830", null, "TRENDnet");
        Device device = new Device(recorded.id(), recorded.site(), recorded.ip(), recorded.mac(), recorded.manufacturer(),
                recorded.reportedManufacturer(), recorded.model(), recorded.firmwareVersion(), recorded.serialNumber(),
                recorded.hardwareId(), List.of("ws-discovery", "onvif", "sadp"), null, List.of(80), recorded.evidence(),
                null, null, "active", null);

        assertThat(only(EVALUATOR.evaluate(device, FEDERAL)).confidence()).isEqualTo(Confidence.CONFIRMED);
    }

    @ParameterizedTest
    @CsvSource({
            "axis/AXIS_Q6045-E_fw5.55.1.2, 00:40:8c:fa:b7:54, Axis",
            "bosch/FLEXIDOME_indoor_5100i_IR_fw8.71.0066, 00:04:63:12:34:56, Bosch",
            "pelco/D6230L_fw2.9.0.4, 00:04:7d:0e:b8:5c, Pelco",
            "milesight/MS-C8165-PE_fw61.8.0.3-r8, 1c:c3:16:12:34:56, Milesight",
            "dlink/DCS-6511_fw1.16.00, f0:7d:68:09:9f:ca, D-Link",
            "xiongmai-oem_sunba/XM530_50X50-WG_8M, , H264",
            "sunba/Performance-Series, , SUNBA",
            "generic-oem_ti-ipnc/IPG-8150PSS, , ONVIF_IPNC",
    })
    void shouldNeverFlagRecordedCamerasOfOtherVendors(String fixture, String mac, String manufacturer) throws Exception {
        assertThat(EVALUATOR.evaluate(FixtureDevices.fromOnvif(fixture, mac, manufacturer), FEDERAL)).isEmpty();
    }

    @Test
    void shouldNeverFlagHanwhaOrUniview() {
        assertThat(evaluate(device().mac("00:09:18:aa:bb:cc").manufacturer("Hanwha Vision")
                .reportedManufacturer("Hanwha Vision").model("XNV-8080R").firmware("2.10.02_20230301")
                .evidence("http", "Server", "lighttpd"))).isEmpty();
        assertThat(evaluate(device().mac("6c:f1:7e:aa:bb:cc").manufacturer("Uniview")
                .reportedManufacturer("Uniview").model("IPC2124LB-SF40KM-G").firmware("IPC_G6103-B0005P62D1907")
                .serial("210235C3EW3195000123"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "SD4E", "SD49225XA-HNR", "NVR4108HS-4KS2", "NVR301-08S" })
    void shouldNeverFlagAnUnprefixedSpeedDomeOrRecorderShapeAlone(String model) {
        assertThat(evaluate(device().model(model))).isEmpty();
    }

    @Test
    void shouldCountAnUnprefixedDahuaShapeOnlyBesideAnotherDahuaSignal() {
        Evaluation evaluation = only(evaluate(device().model("SD49225XA-HNR").mac("4c:11:bf:c2:0b:9d")));

        assertThat(evaluation.vendor()).isEqualTo("Dahua");
        assertThat(evaluation.confidence()).isEqualTo(Confidence.LIKELY);
        assertThat(evaluation.category()).isEqualTo(Category.PTZ);
        assertThat(rules(evaluation)).anyMatch(rule -> rule.startsWith("model-shape"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "TRENDnet", "Honeywell", "Swann", "Interlogix" })
    void shouldNeverFlagASomeModelRelabellerByItsBrandAlone(String brand) {
        assertThat(evaluate(device().manufacturer(brand).reportedManufacturer(brand).model("TV-IP1314PI"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({ "LTS, Hikvision", "Annke, Hikvision", "Q-See, Dahua" })
    void shouldTreatAWholeBrandOemAsOneIndirectSignal(String brand, String vendor) {
        Evaluation evaluation = only(evaluate(device().reportedManufacturer(brand)));

        assertThat(evaluation.vendor()).isEqualTo(vendor);
        assertThat(evaluation.confidence()).isEqualTo(Confidence.POSSIBLE);
    }

    // --- jurisdictions and dates of the legal bases ---

    private static final TestDevices UNIVIEW = device().mac("6c:f1:7e:aa:bb:cc").manufacturer("Uniview")
            .reportedManufacturer("Uniview").model("IPC2124LB-SF40KM-G");

    @Test
    void shouldNotFlagAVendorRestrictedOnlyByATexasBasisAtAFederalSite() {
        assertThat(evaluate(UNIVIEW)).isEmpty();
    }

    @Test
    void shouldFlagAVendorRestrictedOnlyByATexasBasisAtATexasSiteWithOnlyThatBasis() {
        SiteScope texas = new SiteScope(Set.of("us-federal", "us-state:TX"), LocalDate.of(2026, 12, 1));

        Evaluation evaluation = only(EVALUATOR.evaluate(UNIVIEW.build(), texas));

        assertThat(evaluation.vendor()).isEqualTo("Uniview");
        assertThat(evaluation.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(evaluation.basis()).extracting(LegalBasis::id).containsExactly("tx-prohibited-technologies-2026-01-26");
        assertThat(evaluation.basis()).allSatisfy(b -> assertThat(b.jurisdiction()).isEqualTo("us-state:TX"));
    }

    @Test
    void shouldNotFlagAVendorBeforeItsOnlyBasisTakesEffect() {
        SiteScope texasBeforeTheUpdate = new SiteScope(Set.of("us-state:TX"), LocalDate.of(2026, 1, 25));

        assertThat(EVALUATOR.evaluate(UNIVIEW.build(), texasBeforeTheUpdate)).isEmpty();
    }

    @Test
    void shouldListOnlyTheSitesBasesAndKeepUpcomingOnesApart() {
        Device hikvision = device().manufacturer("Hikvision").model("DS-2CD2142FWD-I").build();
        SiteScope dodBeforeSection805 = new SiteScope(Set.of("us-federal", "us-dod"), LocalDate.of(2026, 6, 29));
        SiteScope dodAfter = new SiteScope(Set.of("us-federal", "us-dod"), LocalDate.of(2026, 6, 30));

        Evaluation before = only(EVALUATOR.evaluate(hikvision, dodBeforeSection805));
        Evaluation after = only(EVALUATOR.evaluate(hikvision, dodAfter));

        assertThat(before.basis()).extracting(LegalBasis::jurisdiction).containsOnly("us-federal");
        assertThat(before.upcomingBasis()).extracting(LegalBasis::id).containsExactly("ndaa-fy2024-805");
        assertThat(after.basis()).extracting(LegalBasis::id).contains("ndaa-fy2024-805", "fcc-25-71");
        assertThat(after.basis()).extracting(LegalBasis::deadline).contains("2027-06-30");
        assertThat(after.upcomingBasis()).isEmpty();
        assertThat(only(EVALUATOR.evaluate(hikvision, FEDERAL)).basis()).extracting(LegalBasis::jurisdiction)
                .containsOnly("us-federal");
    }

    @Test
    void shouldFlagHikvisionButNotHuaweiInCanada() {
        SiteScope canada = new SiteScope(Set.of("ca"), LocalDate.of(2026, 12, 1));

        assertThat(only(EVALUATOR.evaluate(device().manufacturer("Hikvision").build(), canada)).basis())
                .extracting(LegalBasis::id).containsExactly("ca-hikvision-2025-06-27");
        assertThat(EVALUATOR.evaluate(device().manufacturer("Huawei").build(), canada)).isEmpty();
    }

    // --- rule kinds one by one ---

    @ParameterizedTest
    @CsvSource({
            "HIKVISION, Hikvision",
            "'  hikvision  ', Hikvision",
            "'Hangzhou Hikvision Digital Technology Co.,Ltd.', Hikvision",
            "'DAHUA TECHNOLOGY CO.,LTD', Dahua",
            "Dahua, Dahua",
            "'Zhejiang Dahua Technology Co., Ltd.', Dahua",
            "'HUAWEI TECHNOLOGIES CO.,LTD', Huawei",
            "zte corporation, ZTE",
            "ZTE, ZTE",
            "'Hytera Communications Co .,ltd', Hytera",
            "EZVIZ, Hikvision",
            "HiLook, Hikvision",
            "Prama Hikvision India Private Limited, Hikvision",
            "HoloSens, Huawei",
    })
    void shouldConfirmADeviceNamingARestrictedVendorOrItsBrand(String reported, String vendor) {
        Evaluation evaluation = only(evaluate(device().reportedManufacturer(reported)));

        assertThat(evaluation.vendor()).isEqualTo(vendor);
        assertThat(evaluation.confidence()).isEqualTo(Confidence.CONFIRMED);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Shanghai Dahua Scale Factory", "Dahua Scale", "Hikvisionary Labs", "Hik Vision",
            "Aztech Electronics", "Shanghai ZTE Technologies", "ZTE-compatible optics", "Huaweii", "ONVIF", "H264",
            "Private", "NONE" })
    void shouldNotTreatNamesThatMerelyContainAVendorAsThatVendor(String reported) {
        assertThat(evaluate(device().manufacturer(reported).reportedManufacturer(reported))).isEmpty();
    }

    @Test
    void shouldConfirmHikvisionSadpAnswers() {
        Evaluation evaluation = only(evaluate(device().discoveredBy("sadp")));

        assertThat(evaluation.vendor()).isEqualTo("Hikvision");
        assertThat(evaluation.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(evaluation.matchedBy()).extracting(MatchedRule::evidence).containsExactly("discoveredBy = sadp");
    }

    @Test
    void shouldConfirmDahuaDhipEvidence() {
        Evaluation evaluation = only(evaluate(device().evidence("dhip", "DeviceType", "IPC-HDW5421S")));

        assertThat(evaluation.vendor()).isEqualTo("Dahua");
        assertThat(evaluation.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(evaluation.category()).isEqualTo(Category.DOME);
    }

    @Test
    void shouldConfirmAVendorNamedInAnOnvifScope() {
        Evaluation evaluation = only(evaluate(device().scope("onvif://www.onvif.org/name/HIKVISION")
                .scope("onvif://www.onvif.org/hardware/DS-2CD2142FWD-I")));

        assertThat(evaluation.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(evaluation.category()).isEqualTo(Category.DOME);
    }

    @Test
    void shouldRateASingleOuiAsPossibleAndNameTheRegistryDate() {
        Evaluation evaluation = only(evaluate(device().mac("44-19-B6-12-34-56")));

        assertThat(evaluation.vendor()).isEqualTo("Hikvision");
        assertThat(evaluation.confidence()).isEqualTo(Confidence.POSSIBLE);
        assertThat(rules(evaluation)).singleElement().asString()
                .contains("44:19:B6", "Hangzhou Hikvision Digital Technology", "2026-08-26");
    }

    @ParameterizedTest
    @CsvSource({
            "00:bc:99:12:34:56, Hikvision, 00:BC:99",
            "0c:a6:4c:12:34:56, Hikvision, 0C:A6:4C",
            "64:fd:29:12:34:56, Dahua, 64:FD:29",
            "98:f9:cc:12:34:56, Dahua, 98:F9:CC"})
    void shouldRateAnOuiOnlyDeviceInABlockRegisteredAfter2022AsPossibleWithTheRegistryDate(String mac, String vendor,
            String prefix) {
        Evaluation evaluation = only(evaluate(device().mac(mac)));

        assertThat(evaluation.vendor()).isEqualTo(vendor);
        assertThat(evaluation.confidence()).isEqualTo(Confidence.POSSIBLE);
        assertThat(rules(evaluation)).singleElement().asString().contains(prefix, "registry of 2026-08-26");
    }

    @Test
    void shouldNotMatchTheMaMBlockOfShanghaiDahuaScaleFactory() {
        assertThat(evaluate(device().mac("40:2c:76:1a:bb:cc"))).isEmpty();
    }

    @Test
    void shouldMatchOuiEvidenceNamingARegisteredOrganisation() {
        Evaluation evaluation = only(evaluate(device().evidence("oui", "mac", "Zhejiang Dahua Technology Co., Ltd.")));

        assertThat(evaluation.vendor()).isEqualTo("Dahua");
        assertThat(evaluation.confidence()).isEqualTo(Confidence.POSSIBLE);
    }

    @Test
    void shouldTreatACanonicalManufacturerDerivedFromTheOuiAsTheSameSignal() {
        Evaluation evaluation = only(evaluate(device().mac("44:19:b6:12:34:56").manufacturer("Hikvision")
                .evidence("oui", "mac", "Hangzhou Hikvision Digital Technology Co.,Ltd.")));

        assertThat(evaluation.confidence()).isEqualTo(Confidence.POSSIBLE);
    }

    @ParameterizedTest
    @CsvSource({
            "http, Server, App-webs/, Hikvision",
            "http, Server, DNVRS-Webs, Hikvision",
            "http, WWW-Authenticate, 'Digest realm=\"Hikvision\", nonce=\"abc\"', Hikvision",
            "http, path, /doc/page/login.asp, Hikvision",
            "http, title, Hikvision Digital Technology, Hikvision",
            "http, path, /RPC2_Login, Dahua",
            "http, title, <title>WEB SERVICE</title>, Dahua",
            "rtsp, Server, Dahua Rtsp Server, Dahua",
            "http, WWW-Authenticate, Basic realm=\"Login to ND021811019863\", Dahua",
    })
    void shouldRateOneProtocolMarkerAsPossible(String source, String field, String value, String vendor) {
        Evaluation evaluation = only(evaluate(device().evidence(source, field, value)));

        assertThat(evaluation.vendor()).isEqualTo(vendor);
        assertThat(evaluation.confidence()).isEqualTo(Confidence.POSSIBLE);
        assertThat(evaluation.matchedBy()).extracting(MatchedRule::evidence)
                .containsExactly("evidence " + source + "/" + field + " = " + value);
    }

    @ParameterizedTest
    @CsvSource({
            "DS-2CD2142FWD-I, Hikvision, DOME",
            "DS-2CD2012-I, Hikvision, FIXED",
            "DS-2DE4425IW-DE, Hikvision, PTZ",
            "DS-7608NI-K2, Hikvision, NVR",
            "DS-KH6320-WTE1, Hikvision, INTERCOM",
            "DS-2TD2617-10, Hikvision, THERMAL",
            "IPC-HFW2431S-S-S2, Dahua, FIXED",
            "DH-IPC-HDBW2431E-S, Dahua, DOME",
            "DH-SD49225XA-HNR, Dahua, PTZ",
            "DHI-NVR4108HS-4KS2, Dahua, NVR",
            "VTO2101E-P, Dahua, INTERCOM",
            "TPC-BF5421-T, Dahua, THERMAL",
            "M2120-10-EI, Huawei, FIXED",
            "ZXHN F670L, ZTE, GATEWAY",
            "VM780, Hytera, CAMERA",
            "PD985, Hytera, RADIO",
    })
    void shouldRateAModelPatternAsLikelyAndTakeItsCategory(String model, String vendor, Category category) {
        Evaluation evaluation = only(evaluate(device().model(model)));

        assertThat(evaluation.vendor()).isEqualTo(vendor);
        assertThat(evaluation.confidence()).isEqualTo(Confidence.LIKELY);
        assertThat(evaluation.category()).isEqualTo(category);
    }

    @ParameterizedTest
    @CsvSource({
            "V5.5.0 build 170725, Hikvision",
            "'2.800.0000016.0.R, Build Date 2020-06-05', Dahua",
            "SDC 8.0.1.SPC300, Huawei",
    })
    void shouldRateAFirmwarePatternAsLikely(String firmware, String vendor) {
        Evaluation evaluation = only(evaluate(device().firmware(firmware)));

        assertThat(evaluation.vendor()).isEqualTo(vendor);
        assertThat(evaluation.confidence()).isEqualTo(Confidence.LIKELY);
    }

    @Test
    void shouldRateTwoIndependentIndirectSignalsAsLikely() {
        Evaluation evaluation = only(evaluate(device().mac("44:19:b6:12:34:56").evidence("http", "Server", "App-webs/")));

        assertThat(evaluation.confidence()).isEqualTo(Confidence.LIKELY);
        assertThat(evaluation.matchedBy()).hasSize(2);
    }

    @Test
    void shouldNotCountTwoSignalsOfTheSameKindAsIndependent() {
        Evaluation evaluation = only(evaluate(device().evidence("http", "path", "/ISAPI/System/deviceInfo")
                .evidence("http", "path", "/doc/page/login.asp")));

        assertThat(evaluation.matchedBy()).hasSize(2);
        assertThat(evaluation.confidence()).isEqualTo(Confidence.POSSIBLE);
    }

    @Test
    void shouldNeverFlagCopiedNamespaceDeclarationsAlone() {
        assertThat(evaluate(device().evidence("onvif.GetCapabilities", "namespace",
                "xmlns:hikwsd=http://www.onvifext.com/onvif/ext/ver10/wsdl"))).isEmpty();
    }

    @Test
    void shouldCountNamespaceDeclarationsBesideAnotherIndirectSignal() {
        Evaluation evaluation = only(evaluate(device().hardwareId("88").evidence("onvif.GetCapabilities", "namespace",
                "xmlns:hikxsd=http://www.onvifext.com/onvif/ext/ver10/schema")));

        assertThat(evaluation.confidence()).isEqualTo(Confidence.LIKELY);
    }

    @Test
    void shouldRateHardwareIdAndSerialFormatTogetherAsLikely() {
        Evaluation evaluation = only(evaluate(device().hardwareId("88").serial("XYZ-100020190430AAWR123456789")));

        assertThat(evaluation.confidence()).isEqualTo(Confidence.LIKELY);
    }

    @Test
    void shouldRateRelabellingAndUnverifiedBrandsAsIndirect() {
        Evaluation amcrest = only(evaluate(device().reportedManufacturer("Amcrest")));
        Evaluation hikmicro = only(evaluate(device().reportedManufacturer("HIKMICRO")));

        assertThat(amcrest.vendor()).isEqualTo("Dahua");
        assertThat(amcrest.confidence()).isEqualTo(Confidence.POSSIBLE);
        assertThat(hikmicro.vendor()).isEqualTo("Hikvision");
        assertThat(hikmicro.confidence()).isEqualTo(Confidence.POSSIBLE);
        assertThat(rules(hikmicro)).singleElement().asString().contains("ownership unverified");
    }

    @Test
    void shouldRateLorexWithDahuaFirmwareAsLikely() {
        Evaluation evaluation = only(evaluate(device().reportedManufacturer("Lorex Technology Inc.")
                .firmware("2.800.0000016.0.R, Build Date 2020-06-05")));

        assertThat(evaluation.vendor()).isEqualTo("Dahua");
        assertThat(evaluation.confidence()).isEqualTo(Confidence.LIKELY);
        assertThat(rules(evaluation)).anyMatch(rule -> rule.contains("2018-01-01 to 2022-11-23"));
    }

    @Test
    void shouldNotMistakeXiongmaiFirmwareForHikvision() {
        assertThat(evaluate(device().firmware("V5.00.R02.L5330747.10010.349917..ONVIF 16.12"))).isEmpty();
    }

    @Test
    void shouldCutOverlongEvidenceValues() {
        String huge = "HIKVISION " + "x".repeat(5000);

        Evaluation evaluation = only(evaluate(device().reportedManufacturer(huge)));

        assertThat(evaluation.matchedBy().get(0).evidence()).hasSizeLessThan(300);
    }

    @Test
    void shouldIgnoreDevicesWithNothingButAnAddress() {
        assertThat(evaluate(device())).isEmpty();
    }
}
