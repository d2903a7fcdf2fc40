package org.camaudit.scanner.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.camaudit.scanner.identify.Evidence;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class OutputFormatTest {

    private static final Observation HIKVISION = new Observation("10.1.0.23", "44:19:b6:12:34:56", "Hikvision", "HIKVISION",
            "DS-2CD2142FWD-I", "V5.5.0 build 170725", "DS-2CD2142FWD-I20170101AAWR123456789", "88",
            List.of("ws-discovery", "onvif", "sadp", "oui"),
            new Observation.Onvif(List.of("http://10.1.0.23/onvif/device_service"),
                    List.of("onvif://www.onvif.org/name/HIKVISION"), true),
            List.of(80), List.of(new Evidence("onvif.GetDeviceInformation", "Manufacturer", "HIKVISION"),
                    new Evidence("oui", "mac", "Hangzhou Hikvision Digital Technology Co.,Ltd.")),
            new Observation.Identification("complete", List.of()), "2026-11-28T10:00:04Z");

    private static final Observation SPARSE = new Observation("10.1.0.24", null, null, null, "=cmd|' /C calc'!A0", null,
            null, null, List.of("http"), null, List.of(8080), List.of(new Evidence("http.title", "port 8080", "a,\"b\"")),
            new Observation.Identification("partial", List.of("no reply to identification")), "2026-11-28T10:00:05Z");

    private static String write(OutputFormat format, List<Observation> observations) throws IOException {
        StringWriter out = new StringWriter();
        format.writer().write(observations, out);
        return out.toString();
    }

    @Test
    void shouldWriteTheInventoryObservationFieldsInJson() throws IOException {
        JsonNode array = Json.MAPPER.readTree(write(OutputFormat.JSON, List.of(HIKVISION, SPARSE)));
        assertThat(array.isArray()).isTrue();
        JsonNode first = array.get(0);
        List<String> names = new java.util.ArrayList<>();
        first.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("ip", "mac", "manufacturer", "reportedManufacturer", "model", "firmwareVersion",
                "serialNumber", "hardwareId", "discoveredBy", "onvif", "httpPorts", "evidence", "identification", "observedAt");
        assertThat(first.path("identification").path("status").asText()).isEqualTo("complete");
        assertThat(first.path("identification").path("reasons").isArray()).as("an empty list is still written").isTrue();
        assertThat(first.path("onvif").path("xaddrs").get(0).asText()).isEqualTo("http://10.1.0.23/onvif/device_service");
        assertThat(first.path("onvif").path("authRequired").asBoolean()).isTrue();
        assertThat(first.path("evidence").get(1).path("source").asText()).isEqualTo("oui");
        JsonNode second = array.get(1);
        assertThat(second.has("mac")).as("absent values are left out, not null").isFalse();
        assertThat(second.has("onvif")).isFalse();
        assertThat(second.path("identification").path("reasons").get(0).asText()).isEqualTo("no reply to identification");
    }

    @Test
    void shouldQuoteCsvAndDefuseSpreadsheetFormulas() throws IOException {
        String csv = write(OutputFormat.CSV, List.of(HIKVISION, SPARSE));
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("ip,mac,manufacturer,reportedManufacturer,model,");
        assertThat(lines[1]).startsWith("10.1.0.23,44:19:b6:12:34:56,Hikvision,HIKVISION,DS-2CD2142FWD-I,");
        assertThat(lines[2]).contains("'=cmd|' /C calc'!A0").contains("\"http.title port 8080=a,\"\"b\"\"\"");
    }

    @Test
    void shouldPrintATableWithoutControlCharacters() throws IOException {
        Observation hostile = new Observation("10.1.0.25", null, "Evil\u001b[2J", null, null, null, null, null,
                List.of("http"), null, List.of(), List.of(), new Observation.Identification("unidentified",
                        List.of("reply could not be parsed")), "2026-11-28T10:00:06Z");
        String table = write(OutputFormat.TABLE, List.of(HIKVISION, hostile));
        assertThat(table).contains("10.1.0.23").contains("Hikvision (HIKVISION)");
        assertThat(table).doesNotContain("\u001b");
    }

    @Test
    void shouldWriteJsonThatTheInventoryAcceptsWhateverTheCameraSent() throws IOException {
        Observation hostile = new Observation("10.1.0.27", null, "Evil\u0000", "\ud800HIK", "DS-2CD\u001b[2J", null,
                null, null, List.of("http\u0007"), new Observation.Onvif(List.of("http://10.1.0.27/\u0000"),
                        List.of("onvif://www.onvif.org/name/\u0001"), true),
                List.of(80), List.of(new Evidence("http.title", "title", "cam\u0000era")),
                new Observation.Identification("unidentified", List.of("reply could not be parsed")),
                "2026-11-28T10:00:08Z");
        String json = Json.MAPPER.writeValueAsString(List.of(hostile));
        assertThat(org.camaudit.text.SafeText.problem(Json.MAPPER.readTree(json).toString())).isNull();
        JsonNode node = Json.MAPPER.readTree(json).get(0);
        assertThat(node.get("model").asText()).isEqualTo("DS-2CD\uFFFD[2J");
        assertThat(node.get("manufacturer").asText()).isEqualTo("Evil\uFFFD");
        assertThat(node.get("reportedManufacturer").asText()).isEqualTo("\uFFFDHIK");
        assertThat(node.get("discoveredBy").get(0).asText()).isEqualTo("http\uFFFD");
        assertThat(node.get("onvif").get("scopes").get(0).asText()).endsWith("/name/\uFFFD");
        assertThat(node.get("evidence").get(0).get("value").asText()).isEqualTo("cam\uFFFDera");
    }

    @Test
    void shouldShowStatusAndReasonsAndNeverCutIdentifiers() throws IOException {
        String longSerial = "DS-2CD2142FWD-I20170101AAWR123456789-EXTENDED-SERIAL-0001";
        String longFirmware = "V5.5.0 build 170725 with a very long vendor suffix that goes on";
        Observation longOne = new Observation("10.1.0.26", "44:19:b6:12:34:57", "Hikvision", "HIKVISION", "DS-2CD2142FWD-I",
                longFirmware, longSerial, null, List.of("sadp"), null, List.of(), List.of(),
                new Observation.Identification("partial", List.of("login rejected")), "2026-11-28T10:00:07Z");
        String table = write(OutputFormat.TABLE, List.of(HIKVISION, SPARSE, longOne));
        String[] lines = table.split(System.lineSeparator());
        assertThat(lines[0]).contains("STATUS").contains("WHY");
        assertThat(table).contains(longSerial).contains(longFirmware).contains("44:19:b6:12:34:57");
        assertThat(lines[3]).contains("partial").endsWith("login rejected");
        assertThat(lines[lines.length - 1])
                .isEqualTo("3 device(s): 1 complete, 2 partial, 0 unidentified (no reply to identification: 1, login rejected: 1)");
    }

    @Test
    void shouldWriteIdentificationColumnsInCsv() throws IOException {
        String[] lines = write(OutputFormat.CSV, List.of(SPARSE)).split("\r\n");
        assertThat(lines[0]).contains(",identification,identificationReasons,");
        assertThat(lines[1]).contains(",partial,no reply to identification,");
    }
}
