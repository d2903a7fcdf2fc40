package org.camaudit.inventory.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The direct check never passes a batch that bean validation rejects, and passes the valid ones. */
class BatchCheckTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static Observation camera(int i) {
        return new Observation("10.0.0." + (i + 1), "44:19:B6:00:00:0" + i, "Hikvision", "HIKVISION", "DS-2CD2142FWD-I",
                "V5.5.0", "SN" + i, "88", List.of("onvif"),
                new Observation.Onvif(List.of("http://10.0.0.1/onvif/device_service"), List.of("onvif://x"), true),
                List.of(80, 8080), List.of(new Observation.Evidence("onvif.GetDeviceInformation", "Manufacturer", "HIKVISION")),
                OffsetDateTime.parse("2026-11-28T10:00:04Z"), null);
    }

    private static ObservationBatch batch(List<Observation> observations) {
        return new ObservationBatch("scan-1", "HQ", new ObservationBatch.ScannerInfo("jump-1", "0.1.0"), null, null,
                List.of("10.0.0.0/24"), observations);
    }

    private static ObservationBatch withSecond(UnaryOperator<Observation> change) {
        List<Observation> list = new ArrayList<>(List.of(camera(0), camera(1), camera(2)));
        list.set(1, change.apply(list.get(1)));
        return batch(list);
    }

    private static Observation copy(Observation o, String ip, String mac, String model, List<String> discoveredBy,
            Observation.Onvif onvif, List<Integer> ports, List<Observation.Evidence> evidence) {
        return new Observation(ip, mac, o.manufacturer(), o.reportedManufacturer(), model, o.firmwareVersion(),
                o.serialNumber(), o.hardwareId(), discoveredBy, onvif, ports, evidence, o.observedAt(), null);
    }

    private static Observation identified(Observation o, String status, List<String> reasons) {
        return new Observation(o.ip(), o.mac(), o.manufacturer(), o.reportedManufacturer(), o.model(), o.firmwareVersion(),
                o.serialNumber(), o.hardwareId(), o.discoveredBy(), o.onvif(), o.httpPorts(), o.evidence(), o.observedAt(),
                new Observation.Identification(status, reasons));
    }

    static Stream<Arguments> invalid() {
        String long256 = "x".repeat(256);
        List<String> nullInList = new ArrayList<>();
        nullInList.add(null);
        List<Integer> nullPort = new ArrayList<>();
        nullPort.add(null);
        List<Observation.Evidence> nullEvidence = new ArrayList<>();
        nullEvidence.add(null);
        List<Observation> nullObservation = new ArrayList<>(List.of(camera(0)));
        nullObservation.add(null);
        Observation o = camera(1);
        return Stream.of(
                Arguments.of("blank scanId", new ObservationBatch(" ", "HQ", null, null, null, null, List.of())),
                Arguments.of("scanId pattern", new ObservationBatch("a b", "HQ", null, null, null, null, List.of())),
                Arguments.of("scanId too long", new ObservationBatch("a".repeat(65), "HQ", null, null, null, null, List.of())),
                Arguments.of("site missing", new ObservationBatch("s", null, null, null, null, null, List.of())),
                Arguments.of("site control character", new ObservationBatch("s", "H\u0001Q", null, null, null, null, List.of())),
                Arguments.of("site too long", new ObservationBatch("s", "h".repeat(101), null, null, null, null, List.of())),
                Arguments.of("scanner host too long", new ObservationBatch("s", "HQ",
                        new ObservationBatch.ScannerInfo(long256, null), null, null, null, List.of())),
                Arguments.of("scanner version too long", new ObservationBatch("s", "HQ",
                        new ObservationBatch.ScannerInfo(null, "v".repeat(65)), null, null, null, List.of())),
                Arguments.of("target too long", new ObservationBatch("s", "HQ", null, null, null, List.of("t".repeat(101)), List.of())),
                Arguments.of("null target", new ObservationBatch("s", "HQ", null, null, null, nullInList, List.of())),
                Arguments.of("too many targets", new ObservationBatch("s", "HQ", null, null, null,
                        Collections.nCopies(1001, "10.0.0.0/24"), List.of())),
                Arguments.of("observations missing", new ObservationBatch("s", "HQ", null, null, null, null, null)),
                Arguments.of("null observation", batch(nullObservation)),
                Arguments.of("ip missing", withSecond(x -> copy(x, null, x.mac(), x.model(), x.discoveredBy(), x.onvif(),
                        x.httpPorts(), x.evidence()))),
                Arguments.of("ip blank", withSecond(x -> copy(x, "  ", x.mac(), x.model(), x.discoveredBy(), x.onvif(),
                        x.httpPorts(), x.evidence()))),
                Arguments.of("ip not an address", withSecond(x -> copy(x, "camera.local", x.mac(), x.model(),
                        x.discoveredBy(), x.onvif(), x.httpPorts(), x.evidence()))),
                Arguments.of("ip octet out of range", withSecond(x -> copy(x, "10.0.0.256", x.mac(), x.model(),
                        x.discoveredBy(), x.onvif(), x.httpPorts(), x.evidence()))),
                Arguments.of("mac malformed", withSecond(x -> copy(x, x.ip(), "44:19:b6", x.model(), x.discoveredBy(),
                        x.onvif(), x.httpPorts(), x.evidence()))),
                Arguments.of("model too long", withSecond(x -> copy(x, x.ip(), x.mac(), long256, x.discoveredBy(),
                        x.onvif(), x.httpPorts(), x.evidence()))),
                Arguments.of("manufacturer too long", withSecond(x -> new Observation(x.ip(), x.mac(), long256, null, null,
                        null, null, null, null, null, null, null, null, null))),
                Arguments.of("reported manufacturer too long", withSecond(x -> new Observation(x.ip(), null, null, long256,
                        null, null, null, null, null, null, null, null, null, null))),
                Arguments.of("firmware too long", withSecond(x -> new Observation(x.ip(), null, null, null, null, long256,
                        null, null, null, null, null, null, null, null))),
                Arguments.of("serial too long", withSecond(x -> new Observation(x.ip(), null, null, null, null, null,
                        long256, null, null, null, null, null, null, null))),
                Arguments.of("hardware id too long", withSecond(x -> new Observation(x.ip(), null, null, null, null, null,
                        null, long256, null, null, null, null, null, null))),
                Arguments.of("discoveredBy entry too long", withSecond(x -> copy(x, x.ip(), x.mac(), x.model(),
                        List.of("d".repeat(65)), x.onvif(), x.httpPorts(), x.evidence()))),
                Arguments.of("discoveredBy null entry", withSecond(x -> copy(x, x.ip(), x.mac(), x.model(), nullInList,
                        x.onvif(), x.httpPorts(), x.evidence()))),
                Arguments.of("discoveredBy too many", withSecond(x -> copy(x, x.ip(), x.mac(), x.model(),
                        Collections.nCopies(65, "onvif"), x.onvif(), x.httpPorts(), x.evidence()))),
                Arguments.of("xaddr too long", withSecond(x -> copy(x, x.ip(), x.mac(), x.model(), x.discoveredBy(),
                        new Observation.Onvif(List.of("u".repeat(513)), null, null), x.httpPorts(), x.evidence()))),
                Arguments.of("scope null", withSecond(x -> copy(x, x.ip(), x.mac(), x.model(), x.discoveredBy(),
                        new Observation.Onvif(null, nullInList, null), x.httpPorts(), x.evidence()))),
                Arguments.of("too many scopes", withSecond(x -> copy(x, x.ip(), x.mac(), x.model(), x.discoveredBy(),
                        new Observation.Onvif(null, Collections.nCopies(65, "s"), null), x.httpPorts(), x.evidence()))),
                Arguments.of("port 0", withSecond(x -> copy(x, x.ip(), x.mac(), x.model(), x.discoveredBy(), x.onvif(),
                        List.of(0), x.evidence()))),
                Arguments.of("port 65536", withSecond(x -> copy(x, x.ip(), x.mac(), x.model(), x.discoveredBy(), x.onvif(),
                        List.of(65536), x.evidence()))),
                Arguments.of("port null", withSecond(x -> copy(x, x.ip(), x.mac(), x.model(), x.discoveredBy(), x.onvif(),
                        nullPort, x.evidence()))),
                Arguments.of("too many ports", withSecond(x -> copy(x, x.ip(), x.mac(), x.model(), x.discoveredBy(),
                        x.onvif(), Collections.nCopies(65, 80), x.evidence()))),
                Arguments.of("evidence null", withSecond(x -> copy(x, x.ip(), x.mac(), x.model(), x.discoveredBy(),
                        x.onvif(), x.httpPorts(), nullEvidence))),
                Arguments.of("evidence source blank", withSecond(x -> copy(x, x.ip(), x.mac(), x.model(), x.discoveredBy(),
                        x.onvif(), x.httpPorts(), List.of(new Observation.Evidence(" ", null, null))))),
                Arguments.of("evidence field too long", withSecond(x -> copy(x, x.ip(), x.mac(), x.model(),
                        x.discoveredBy(), x.onvif(), x.httpPorts(), List.of(new Observation.Evidence("s", long256, null))))),
                Arguments.of("evidence value too long", withSecond(x -> copy(x, x.ip(), x.mac(), x.model(),
                        x.discoveredBy(), x.onvif(), x.httpPorts(),
                        List.of(new Observation.Evidence("s", null, "v".repeat(1025)))))),
                Arguments.of("too much evidence", withSecond(x -> copy(x, x.ip(), x.mac(), x.model(), x.discoveredBy(),
                        x.onvif(), x.httpPorts(), Collections.nCopies(65, new Observation.Evidence("s", null, null))))),
                Arguments.of("identification status unknown", withSecond(x -> identified(x, "mostly", List.of()))),
                Arguments.of("identification status missing", withSecond(x -> identified(x, null, List.of()))),
                Arguments.of("too many reasons", withSecond(x -> identified(x, "partial",
                        Collections.nCopies(17, "login rejected")))),
                Arguments.of("reason too long", withSecond(x -> identified(x, "partial", List.of(long256)))),
                Arguments.of("reason blank", withSecond(x -> identified(x, "partial", List.of(" ")))),
                Arguments.of("reason null", withSecond(x -> identified(x, "partial", nullInList))),
                Arguments.of("control character as ip", batch(List.of(o, new Observation("\u0001", null, null,
                        null, null, null, null, null, null, null, null, null, null, null)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsWhatBeanValidationRejects(String name, ObservationBatch batch) {
        assertThat(validator.validate(batch)).as("bean validation of %s", name).isNotEmpty();
        assertThat(BatchCheck.certainlyValid(batch)).as(name).isFalse();
    }

    @Test
    void passesValidBatches() {
        List<ObservationBatch> valid = List.of(
                batch(List.of(camera(0), camera(1), camera(2))),
                batch(List.of(identified(camera(0), "partial", List.of("login rejected", "ONVIF requires login")),
                        identified(camera(1), "complete", null), identified(camera(2), "unidentified", List.of()))),
                batch(List.of()),
                new ObservationBatch("6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23", "site with spaces", null, null, null, null,
                        List.of(new Observation("fe80::1", "44-19-b6-12-34-56", null, null, null, null, null, null, null,
                                null, null, null, null, null),
                                new Observation("::ffff:10.0.0.1", null, null, null, null, null, null, null, List.of(),
                                        new Observation.Onvif(null, null, null), List.of(1, 65535), List.of(), null, null))));
        for (ObservationBatch batch : valid) {
            assertThat(validator.validate(batch)).isEmpty();
            assertThat(BatchCheck.certainlyValid(batch)).isTrue();
        }
    }
}
