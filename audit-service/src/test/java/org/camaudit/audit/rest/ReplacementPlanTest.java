package org.camaudit.audit.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.TestDevices.device;
import static org.camaudit.audit.rest.ApiTestSupport.as;
import static org.camaudit.audit.rest.ApiTestSupport.inventoryHolds;
import static org.camaudit.audit.rest.ApiTestSupport.runAudit;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

import org.camaudit.audit.TestPolicies;

@QuarkusTest
class ReplacementPlanTest {

    private static final String NORTH = "plan-north";
    private static final String SOUTH = "plan-south";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void audit() {
        circuitBreakers.resetAll();
        as("auditor").contentType(ContentType.JSON).body(TestPolicies.resource("policy/cost-table.json"))
                .when().put("/api/v1/cost-table")
                .then().statusCode(Status.OK.getStatusCode());
        inventoryHolds(List.of(
                device().id("pl-dome").site(NORTH).ip("10.7.0.10").location("Lobby").reportedManufacturer("HIKVISION")
                        .model("DS-2CD2142FWD-I").build(),
                device().id("pl-nvr").site(NORTH).ip("10.7.0.9").model("DHI-NVR4108HS-4KS2").build(),
                device().id("pl-oui").site(NORTH).ip("10.7.0.11").mac("44:19:b6:00:00:01").build(),
                device().id("pl-ptz").site(SOUTH).ip("10.7.1.5").discoveredBy("dhip").model("SD49225XA-HNR").build(),
                device().id("pl-axis").site(SOUTH).ip("10.7.1.6").reportedManufacturer("AXIS").model("AXIS Q6045-E").build()));
        runAudit();
    }

    private static JsonPath plan(String... query) {
        var request = as("viewer");
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.when().get("/api/v1/replacement-plan")
                .then().statusCode(Status.OK.getStatusCode())
                .extract().jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static JsonPath site(JsonPath plan, String site) {
        return new JsonPath(plan.prettify()).setRootPath("sites.find { it.site == '" + site + "' }");
    }

    @Test
    void shouldPriceEachDeviceFromTheCostTableAndPrioritiseByConfidence() {
        JsonPath north = site(plan("site", NORTH), NORTH);

        assertThat(north.getList("items.deviceId")).containsExactly("pl-dome", "pl-nvr", "pl-oui");
        assertThat(north.getList("items.priority", Integer.class)).containsExactly(1, 2, 3);
        assertThat(north.getList("items.category")).containsExactly("dome", "nvr", "camera");
        assertThat(north.getList("items.estimatedCost", BigDecimal.class)).extracting(BigDecimal::doubleValue)
                .containsExactly(700.0, 2980.0, 680.0);
        assertThat(north.getList("items.suggestedReplacement")).containsExactly("NDAA §889-compliant dome camera",
                "NDAA §889-compliant network video recorder", "NDAA §889-compliant IP camera");
        assertThat(north.getString("items[0].location")).isEqualTo("Lobby");
        assertThat(north.getList("items[0].basis.law", String.class)).anyMatch(law -> law.startsWith("NDAA FY2019 §889"));
    }

    @Test
    void shouldMakeTotalsTheSumOfTheItems() {
        JsonPath plan = plan();
        List<BigDecimal> items = plan.getList("sites.items.flatten().estimatedCost", BigDecimal.class);
        List<BigDecimal> sites = plan.getList("sites.estimatedCost", BigDecimal.class);

        BigDecimal sum = items.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(plan.getString("totals.estimatedCost"))).isEqualByComparingTo(sum);
        assertThat(sites.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(sum);
        assertThat(plan.getInt("totals.devices")).isEqualTo(items.size());
        assertThat(plan.getString("currency")).isEqualTo("USD");
        assertThat(plan.getInt("policyVersion")).isPositive();
        assertThat(site(plan, SOUTH).getList("items.deviceId")).containsExactly("pl-ptz");
    }

    @Test
    void shouldFilterByConfidence() {
        JsonPath plan = plan("site", NORTH, "confidence", "likely");

        assertThat(plan.getList("sites.items.flatten().deviceId")).containsExactly("pl-nvr");
        assertThat(plan.getInt("totals.devices")).isEqualTo(1);
    }

    @Test
    void shouldLeaveDecidedFindingsOutOfThePlan() {
        long id = ApiTestSupport.findings(NORTH).getLong("items.find { it.deviceId == 'pl-oui' }.id");
        as("auditor").contentType(ContentType.JSON).body("{\"status\":\"false-positive\",\"note\":\"MAC of a Hikvision NIC in a PC\"}")
                .when().patch("/api/v1/findings/" + id)
                .then().statusCode(Status.OK.getStatusCode());

        try {
            assertThat(plan("site", NORTH).getList("sites.items.flatten().deviceId")).containsExactly("pl-dome", "pl-nvr");
        } finally {
            as("auditor").contentType(ContentType.JSON).body("{\"status\":\"open\"}")
                    .when().patch("/api/v1/findings/" + id)
                    .then().statusCode(Status.OK.getStatusCode());
        }
    }

    @Test
    void shouldServeCsvByFormatOrAcceptHeader() {
        String byFormat = as("viewer").queryParam("format", "csv").queryParam("site", NORTH)
                .when().get("/api/v1/replacement-plan")
                .then().statusCode(Status.OK.getStatusCode()).contentType("text/csv").extract().asString();
        String byAccept = as("viewer").accept("text/csv").queryParam("site", NORTH)
                .when().get("/api/v1/replacement-plan")
                .then().statusCode(Status.OK.getStatusCode()).contentType("text/csv").extract().asString();

        List<String> lines = byFormat.lines().toList();
        assertThat(lines.get(0)).isEqualTo("site,priority,replaceBy,findingId,deviceId,ip,location,vendor,model,category,confidence,"
                + "estimatedCost,currency,suggestedReplacement,basis");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith(NORTH + ",1,,").contains(",pl-dome,10.7.0.10,Lobby,Hikvision,DS-2CD2142FWD-I,dome,confirmed,700.00,USD,NDAA §889-compliant dome camera,");
        assertThat(byAccept).isEqualTo(byFormat);
        as("viewer").queryParam("format", "xlsx").when().get("/api/v1/replacement-plan")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode()).body("errors[0].field", equalTo("format"));
    }

    @Test
    void shouldRepriceWithANewCostTable() {
        String table = TestPolicies.resource("policy/cost-table.json").replace("\"labourPerDevice\": 180.00", "\"labourPerDevice\": 0")
                .replace("\"USD\"", "\"EUR\"");
        as("auditor").contentType(ContentType.JSON).body(table)
                .when().put("/api/v1/cost-table")
                .then().statusCode(Status.OK.getStatusCode())
                .body("currency", equalTo("EUR"));

        JsonPath plan = plan("site", NORTH);
        assertThat(plan.getString("currency")).isEqualTo("EUR");
        assertThat(new BigDecimal(plan.getString("totals.estimatedCost"))).isEqualByComparingTo("3820.00");
    }

    @Test
    void shouldRejectAnIncompleteOrNegativeCostTable() {
        String negative = TestPolicies.resource("policy/cost-table.json").replace("\"hardware\": 2400.00", "\"hardware\": -1");
        String missing = TestPolicies.resource("policy/cost-table.json")
                .replace("\"thermal\": {\"hardware\": 5200.00, \"replacement\": \"NDAA §889-compliant thermal camera\"},", "");

        as("auditor").contentType(ContentType.JSON).body(negative)
                .when().put("/api/v1/cost-table")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors[0].field", equalTo("categories.ptz.hardware"));
        as("auditor").contentType(ContentType.JSON).body(missing)
                .when().put("/api/v1/cost-table")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors[0].field", equalTo("categories.thermal"));
        as("viewer").when().get("/api/v1/cost-table")
                .then().statusCode(Status.OK.getStatusCode())
                .body("categories.ptz.replacement", equalTo("NDAA §889-compliant PTZ camera"));
    }
}
