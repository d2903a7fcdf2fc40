package org.camaudit.audit.rest;

import static io.restassured.RestAssured.given;

import java.util.List;

import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import org.camaudit.audit.client.Device;

/** Drives the inventory stub and the API as one of the test accounts (account name = password = role). */
public final class ApiTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiTestSupport() {
    }

    public static RequestSpecification as(String account) {
        return given().auth().preemptive().basic(account, account);
    }

    public static void inventoryHolds(List<Device> devices) {
        try {
            given().body(JSON.writeValueAsString(devices)).contentType(ContentType.JSON)
                    .when().put(stub() + "/stub/devices")
                    .then().statusCode(Status.NO_CONTENT.getStatusCode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        inventoryMode("ok");
    }

    public static void inventoryMode(String mode) {
        given().queryParam("value", mode)
                .when().put(stub() + "/stub/mode")
                .then().statusCode(Status.NO_CONTENT.getStatusCode());
    }

    public static JsonPath runAudit() {
        return as("auditor")
                .when().post("/api/v1/audits")
                .then().statusCode(Status.CREATED.getStatusCode())
                .extract().jsonPath();
    }

    public static JsonPath findings(String site) {
        return as("viewer").queryParam("site", site).queryParam("size", 1000)
                .when().get("/api/v1/findings")
                .then().statusCode(Status.OK.getStatusCode())
                .extract().jsonPath();
    }

    private static String stub() {
        return ConfigProvider.getConfig().getValue("test.inventory-stub.url", String.class);
    }
}
