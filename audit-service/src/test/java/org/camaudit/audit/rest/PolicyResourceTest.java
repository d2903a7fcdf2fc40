package org.camaudit.audit.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.rest.ApiTestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.camaudit.audit.PolicyJson;
import org.camaudit.audit.TestPolicies;

@QuarkusTest
class PolicyResourceTest {

    @Test
    void shouldServeThePolicyWithEveryRestrictedVendorAndTheRegistryDate() {
        as("viewer").when().get("/api/v1/policy")
                .then().statusCode(Status.OK.getStatusCode())
                .body("schema", equalTo("camaudit-policy/2"))
                .body("vendors.name", hasItems("Hikvision", "Dahua", "Hytera", "Huawei", "ZTE", "Uniview"))
                .body("ouiRegistry.date", equalTo("2026-08-26"))
                .body("vendors.find { it.name == 'Hikvision' }.basis", hasItems("ndaa-fy2019-889a1a-video",
                        "fcc-covered-list-video", "fcc-22-84", "fcc-25-71", "ndaa-fy2024-805"))
                .body("legalBases.find { it.id == 'ndaa-fy2024-805' }.deadline", equalTo("2027-06-30"))
                .body("legalBases.find { it.id == 'fcc-22-84' }.effective", equalTo("2023-02-06"));
    }

    @Test
    void shouldStoreAValidPolicyAsTheNextVersion() {
        int before = as("viewer").when().get("/api/v1/policy").then().extract().path("version");
        String policy = PolicyJson.editRoot(TestPolicies.defaultPolicyJson(),
                root -> root.put("description", "Adds nothing, only a new description"));

        as("admin").contentType(ContentType.JSON).body(policy)
                .when().put("/api/v1/policy")
                .then().statusCode(Status.OK.getStatusCode())
                .body("version", equalTo(before + 1))
                .body("description", equalTo("Adds nothing, only a new description"));

        as("viewer").when().get("/api/v1/policy")
                .then().body("version", equalTo(before + 1));
        List<Integer> versions = as("viewer").when().get("/api/v1/policy/versions")
                .then().statusCode(Status.OK.getStatusCode())
                .body("createdBy", hasItem("admin"))
                .extract().path("version");
        assertThat(versions).startsWith(before + 1, before);
    }

    @Test
    void shouldRejectAnInvalidPatternNamingTheField() {
        String policy = PolicyJson.edit(TestPolicies.defaultPolicyJson(), "Hikvision",
                vendor -> ((com.fasterxml.jackson.databind.node.ObjectNode) vendor.withArray("modelPatterns").get(2))
                        .put("pattern", "^DS-(2D[EF"));

        as("admin").contentType(ContentType.JSON).body(policy)
                .when().put("/api/v1/policy")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid policy"))
                .body("errors[0].field", equalTo("vendors[0].modelPatterns[2].pattern"))
                .body("errors[0].message", startsWith("is not a valid regular expression"));
    }

    @Test
    void shouldRejectAnUnknownFieldNamingIt() {
        String policy = PolicyJson.edit(TestPolicies.defaultPolicyJson(), "Dahua", vendor -> vendor.put("colour", "red"));

        as("admin").contentType(ContentType.JSON).body(policy)
                .when().put("/api/v1/policy")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors[0].field", equalTo("vendors[1].colour"))
                .body("errors[0].message", equalTo("unknown field"));
    }

    @Test
    void shouldRejectMissingSourcesBadDatesAndUnknownCategories() {
        String policy = PolicyJson.editRoot(PolicyJson.edit(TestPolicies.defaultPolicyJson(), "Huawei",
                vendor -> ((com.fasterxml.jackson.databind.node.ObjectNode) vendor.withArray("aliases").get(0))
                        .remove("source")), root -> {
                            ((com.fasterxml.jackson.databind.node.ObjectNode) root.withArray("legalBases").get(0))
                                    .put("effective", "2019-13-45");
                            ((com.fasterxml.jackson.databind.node.ObjectNode) root.withArray("legalBases").get(1))
                                    .remove("source");
                        });

        as("admin").contentType(ContentType.JSON).body(policy)
                .when().put("/api/v1/policy")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors.field", hasItems("vendors[3].aliases[0].source", "legalBases[0].effective",
                        "legalBases[1].source"));

        String category = PolicyJson.edit(TestPolicies.defaultPolicyJson(), "ZTE",
                vendor -> ((com.fasterxml.jackson.databind.node.ObjectNode) vendor.withArray("modelPatterns").get(0))
                        .put("category", "toaster"));
        as("admin").contentType(ContentType.JSON).body(category)
                .when().put("/api/v1/policy")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors[0].field", equalTo("vendors[4].modelPatterns[0].category"));
    }

    @Test
    void shouldRejectAnUnknownJurisdictionAnUndeclaredBasisAndOverlappingRelationsNamingEachField() {
        int section805 = PolicyJson.indexOf(TestPolicies.defaultPolicyJson(), "legalBases", "ndaa-fy2024-805");
        int addedBasis = PolicyJson.size(TestPolicies.defaultPolicyJson(), "Hikvision", "basis");
        String policy = PolicyJson.editRoot(TestPolicies.defaultPolicyJson(), root -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) root.withArray("legalBases").get(2))
                    .put("jurisdiction", "us-state:ZZ");
            ((com.fasterxml.jackson.databind.node.ObjectNode) root.withArray("legalBases").get(section805))
                    .put("deadline", "2020-01-01");
            com.fasterxml.jackson.databind.node.ObjectNode hikvision =
                    (com.fasterxml.jackson.databind.node.ObjectNode) root.withArray("vendors").get(0);
            hikvision.withArray("basis").add("no-such-law");
            hikvision.withArray("brands").addObject().put("name", "Lorex").put("relation", "claimed OEM")
                    .put("verified", false).put("attribution", "indirect").put("from", "2020-01-01")
                    .put("source", "https://example.org/lorex");
        });

        as("admin").contentType(ContentType.JSON).body(policy)
                .when().put("/api/v1/policy")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors.field", hasItems("legalBases[2].jurisdiction", "legalBases[" + section805 + "].deadline",
                        "vendors[0].basis[" + addedBasis + "]", "vendors[1].brands[0].from"));
    }

    @Test
    void shouldRejectMalformedJsonAndKeepTheCurrentVersion() {
        int before = as("viewer").when().get("/api/v1/policy").then().extract().path("version");

        as("admin").contentType(ContentType.JSON).body("{\"schema\": \"camaudit-policy/1\", ")
                .when().put("/api/v1/policy")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors[0].field", equalTo("body"));

        as("viewer").when().get("/api/v1/policy").then().body("version", equalTo(before));
    }
}
