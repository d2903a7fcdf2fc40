package org.camaudit.inventory.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.camaudit.inventory.mapping.Observation;
import org.camaudit.inventory.mapping.ObservationBatch;

/** The staged form of a batch: the COPY text rows PostgreSQL reads, and the digest that names the part. */
class ObservationStagerTest {

    private final ObservationStager stager = new ObservationStager(new ObjectMapper().registerModule(new JavaTimeModule()));

    private static Observation camera(String ip, String mac, String model, String serial, OffsetDateTime observedAt,
            Observation.Identification identification) {
        return new Observation(ip, mac, "Hikvision", "HIKVISION", model, "V5.5.0 build 170725", serial, "88",
                List.of("ws-discovery", "onvif"),
                new Observation.Onvif(List.of("http://" + ip + "/onvif/device_service"), List.of("onvif://x"), true),
                List.of(80, 8080),
                List.of(new Observation.Evidence("onvif.GetDeviceInformation", "Manufacturer", "HIKVISION")),
                observedAt, identification);
    }

    private static ObservationBatch batch(OffsetDateTime finishedAt, Observation... observations) {
        return new ObservationBatch("scan-1", "HQ", new ObservationBatch.ScannerInfo("jump-1", "0.1.0"),
                OffsetDateTime.parse("2026-11-28T10:00:00Z"), finishedAt, List.of("10.0.0.0/24"), List.of(observations));
    }

    private static final OffsetDateTime SEEN = OffsetDateTime.parse("2026-11-28T10:00:04Z");
    private static final OffsetDateTime FINISHED = OffsetDateTime.parse("2026-11-28T10:05:00Z");

    @Test
    void rowsAreTabSeparatedWithTheIndexFirstAndNullAsBackslashN() {
        ObservationBatch batch = batch(FINISHED,
                camera(" 10.0.0.1 ", "44-19-B6-12-34-56", "DS-2CD2142FWD-I", "SN1", SEEN, null),
                camera("10.0.0.2", null, "  ", null, null, new Observation.Identification("partial", List.of(" no serial "))));

        String rows = new String(stager.stage(batch).copyRows(), StandardCharsets.UTF_8);

        assertThat(rows.split("\n", -1)).containsExactly(
                "0\t10.0.0.1\t44:19:b6:12:34:56\tHikvision\tHIKVISION\tDS-2CD2142FWD-I\tV5.5.0 build 170725\tSN1\t88"
                        + "\t[\"ws-discovery\",\"onvif\"]"
                        + "\t{\"xaddrs\":[\"http:// 10.0.0.1 /onvif/device_service\"],\"scopes\":[\"onvif://x\"],\"authRequired\":true}"
                        + "\t[80,8080]\t[{\"source\":\"onvif.GetDeviceInformation\",\"field\":\"Manufacturer\",\"value\":\"HIKVISION\"}]"
                        + "\t\\N\t[]\t2026-11-28T10:00:04Z",
                "1\t10.0.0.2\t\\N\tHikvision\tHIKVISION\t\\N\tV5.5.0 build 170725\t\\N\t88"
                        + "\t[\"ws-discovery\",\"onvif\"]"
                        + "\t{\"xaddrs\":[\"http://10.0.0.2/onvif/device_service\"],\"scopes\":[\"onvif://x\"],\"authRequired\":true}"
                        + "\t[80,8080]\t[{\"source\":\"onvif.GetDeviceInformation\",\"field\":\"Manufacturer\",\"value\":\"HIKVISION\"}]"
                        + "\tpartial\t[\"no serial\"]\t2026-11-28T10:05:00Z",
                "");
    }

    @Test
    void backslashTabAndLineBreaksAreEscapedAndOtherTextIsWrittenAsUtf8() {
        ObservationBatch batch = batch(FINISHED,
                camera("10.0.0.1", null, "a\\b\tc\nd\re", "Überwachung-東京", SEEN, null));

        String row = new String(stager.stage(batch).copyRows(), StandardCharsets.UTF_8);

        assertThat(row.split("\t")[5]).isEqualTo("a\\\\b\\tc\\nd\\re");
        assertThat(row.split("\t")[7]).isEqualTo("Überwachung-東京");
        assertThat(row).endsWith("\n").containsOnlyOnce("\n");
    }

    @Test
    void everyRowKeepsItsEscapesWhenManyValuesNeedThem() {
        Observation[] observations = new Observation[500];
        for (int i = 0; i < observations.length; i++) {
            observations[i] = camera("10.0." + i / 250 + "." + (i % 250 + 1), null, "m\\" + i + "\tx\r\ny", "SN" + i,
                    SEEN, null);
        }

        String[] rows = new String(stager.stage(batch(FINISHED, observations)).copyRows(), StandardCharsets.UTF_8)
                .split("\n");

        assertThat(rows).hasSize(500);
        for (int i = 0; i < rows.length; i++) {
            assertThat(rows[i].split("\t")).hasSize(16)
                    .startsWith(String.valueOf(i), "10.0." + i / 250 + "." + (i % 250 + 1))
                    .contains("m\\\\" + i + "\\tx\\r\\ny", "SN" + i);
        }
    }

    @Test
    void theDigestOfAPartIsTheOneEarlierVersionsRecorded() {
        // pinned: a part recorded before the staging wrote bytes directly must still be recognised when posted again
        ObservationBatch batch = batch(FINISHED,
                camera("10.0.0.1", "44:19:b6:12:34:56", "DS-2CD2142FWD-I", "SN1", SEEN, null),
                camera("10.0.0.2", null, "Überwachung\tX", null, null, null));

        assertThat(stager.stage(batch).digest())
                .isEqualTo("eae191a945e6d561909efd6aa1158de47d5c3d7770a43a2168d71a735577a9ac");
    }

    @Test
    void theDigestCountsTheObservationTimeOnlyAsTheScannerGaveIt() {
        Observation undated = camera("10.0.0.2", null, "M", "SN2", null, null);

        ObservationBatch early = batch(FINISHED, undated);
        ObservationBatch late = batch(FINISHED.plusHours(1), undated);
        ObservationBatch dated = batch(FINISHED, camera("10.0.0.2", null, "M", "SN2", FINISHED, null));

        assertThat(stager.stage(early).digest()).isEqualTo(stager.stage(late).digest())
                .isNotEqualTo(stager.stage(dated).digest());
        assertThat(stager.stage(early).copyRows()).isEqualTo(stager.stage(dated).copyRows());
    }

    @Test
    void theDigestCountsTheIdentificationOnlyWhenTheBatchHasOne() {
        Observation plain = camera("10.0.0.1", null, "M", "SN1", SEEN, null);
        Observation identified = camera("10.0.0.1", null, "M", "SN1", SEEN,
                new Observation.Identification("complete", List.of()));

        assertThat(stager.stage(batch(FINISHED, plain)).digest())
                .isNotEqualTo(stager.stage(batch(FINISHED, identified)).digest());
        assertThat(stager.stage(batch(FINISHED, plain, plain)).digest())
                .isNotEqualTo(stager.stage(batch(FINISHED, plain)).digest());
    }
}
