package org.camaudit.inventory.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.inventory.Fixtures.as;
import static org.camaudit.inventory.Fixtures.batch;
import static org.camaudit.inventory.Fixtures.cameras;
import static org.camaudit.inventory.Fixtures.post;
import static org.camaudit.inventory.Fixtures.uniqueSite;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.camaudit.testsupport.PostgresTestResource;

/** The device stream read the way the audit reads it: line by line, ending with the total line. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class DeviceStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldStreamEveryDeviceOfTheSiteInIdOrderAsTheListShowsItThenTheTotal() throws Exception {
        String site = uniqueSite("stream");
        int count = 2_600;
        post(batch(site, cameras(51, count))).statusCode(Status.OK.getStatusCode());

        List<JsonNode> lines = streamLines(site);

        assertThat(lines).hasSize(count + 1);
        assertThat(lines.get(count).toString()).isEqualTo("{\"total\":" + count + "}");
        List<JsonNode> devices = lines.subList(0, count);
        assertThat(devices).extracting(d -> d.get("id").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(devices).allSatisfy(d -> assertThat(d.get("site").asText()).isEqualTo(site));
        List<JsonNode> listed = new ArrayList<>();
        for (int page = 0; page * 1000 < count; page++) {
            JsonNode body = JSON.readTree(as("viewer").queryParam("site", site).queryParam("size", 1000)
                    .queryParam("page", page).when().get("/api/v1/devices")
                    .then()
                    .statusCode(Status.OK.getStatusCode())
                    .extract().asString());
            body.get("items").forEach(listed::add);
        }
        assertThat(devices).containsExactlyElementsOf(listed);
    }

    @Test
    void shouldStreamEverySiteWithoutTheFilterAndCountTheLines() throws Exception {
        String first = uniqueSite("stream-a");
        String second = uniqueSite("stream-b");
        post(batch(first, cameras(52, 3))).statusCode(Status.OK.getStatusCode());
        post(batch(second, cameras(53, 2))).statusCode(Status.OK.getStatusCode());

        List<JsonNode> lines = streamLines(null);

        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.get("total").asLong()).isEqualTo(lines.size() - 1);
        List<String> sites = lines.subList(0, lines.size() - 1).stream().map(d -> d.get("site").asText()).toList();
        assertThat(sites).filteredOn(first::equals).hasSize(3);
        assertThat(sites).filteredOn(second::equals).hasSize(2);
    }

    @Test
    void shouldEndAnEmptyStreamWithTotalZero() throws Exception {
        assertThat(streamLines(uniqueSite("stream-none")))
                .extracting(JsonNode::toString)
                .containsExactly("{\"total\":0}");
    }

    private static List<JsonNode> streamLines(String site) throws Exception {
        var request = as("viewer").accept("application/x-ndjson");
        if (site != null) {
            request = request.queryParam("site", site);
        }
        String body = request.when().get("/api/v1/devices/stream")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .contentType("application/x-ndjson")
                .extract().asString();
        assertThat(body).endsWith("}\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
