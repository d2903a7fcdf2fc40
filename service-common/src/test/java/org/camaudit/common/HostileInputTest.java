package org.camaudit.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.net.URL;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.camaudit.testsupport.RawHttp;

/** Input a hostile client sends: each is a 400 problem naming what is wrong, never a 500, never altered. */
@QuarkusTest
class HostileInputTest {

    @TestHTTPResource("/")
    URL root;

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().auth().preemptive().basic("scanner", "scanner")
                .contentType("application/json")
                .body(body)
                .when().post("/probe")
                .then();
    }

    @Test
    void shouldRejectANulInAString() {
        post("{\"scanId\":\"a\\u0000b\"}")
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors.field", hasItem("scanId"))
                .body("detail", containsString("U+0000"));
    }

    @Test
    void shouldRejectAControlCharacterInAListItem() {
        post("{\"scanId\":\"a\",\"items\":[{\"ip\":\"10.0.0.1\\u001b\"}]}")
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors.field", hasItem("items[0].ip"));
    }

    @Test
    void shouldKeepTabsAndNewlines() {
        post("{\"scanId\":\"line one\\nline\\ttwo\"}")
                .statusCode(Status.OK.getStatusCode())
                .body("scanId", equalTo("line one\nline\ttwo"));
    }

    @Test
    void shouldRejectAnUnpairedSurrogate() {
        post("{\"scanId\":\"a\\ud800b\"}")
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("detail", containsString("unpaired surrogate"));
    }

    @Test
    void shouldAcceptAPairedSurrogate() {
        post("{\"scanId\":\"camera \\ud83d\\udcf7\"}")
                .statusCode(Status.OK.getStatusCode());
    }

    @Test
    void shouldRejectAControlCharacterInATree() {
        given().contentType("application/json")
                .body("{\"notes\":\"x\\u0007\"}")
                .when().patch("/probe/tree")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("detail", containsString("U+0007"));
    }

    @Test
    void shouldRejectAControlCharacterInAQueryParameter() {
        given().urlEncodingEnabled(false)
                .when().get("/probe/text?q=a%00b")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors.field", hasItem("q"));
    }

    @Test
    void shouldRejectAControlCharacterInThePath() {
        given().urlEncodingEnabled(false)
                .when().get("/probe/a%01b")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectADateBeyondTheYear9999() {
        post("{\"scanId\":\"a\",\"observedAt\":\"+99999-01-01T00:00:00Z\"}")
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors.field", hasItem("observedAt"));
    }

    @Test
    void shouldAcceptAnOrdinaryDate() {
        post("{\"scanId\":\"a\",\"observedAt\":\"2026-11-28T10:00:04Z\"}")
                .statusCode(Status.OK.getStatusCode());
    }

    @Test
    void shouldRejectADuplicateKey() {
        post("{\"scanId\":\"a\",\"scanId\":\"b\"}")
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors.field", hasItem("scanId"))
                .body("detail", containsString("twice"));
    }

    @Test
    void shouldRejectAFractionWhereAnIntegerBelongs() {
        post("{\"scanId\":\"a\",\"ports\":[80.5]}")
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors.field", hasItem("ports[0]"));
    }

    @Test
    void shouldRejectANumberWrittenAsTextOrAsAString() {
        post("{\"scanId\":\"a\",\"ports\":[\"80\"]}")
                .statusCode(Status.BAD_REQUEST.getStatusCode());
        post("{\"scanId\":17}")
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors.field", hasItem("scanId"));
    }

    @Test
    void shouldRejectAnUnknownTransferEncodingAndNeverRunWhatFollows() throws IOException {
        int before = ProbeResource.SMUGGLED.get();
        String reply = raw("POST /probe HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: xchunked\r\n"
                + "Content-Length: 0\r\n\r\n"
                + "GET /probe/smuggled HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 400").contains("application/problem+json");
        assertThat(reply).doesNotContain("HTTP/1.1 200");
        assertThat(ProbeResource.SMUGGLED.get()).isEqualTo(before);
    }

    @Test
    void shouldAnswerATooLongUriWithAProblem() throws IOException {
        String reply = raw("GET /probe/text?q=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 414").contains("application/problem+json").contains("\"status\":414");
    }

    @Test
    void shouldAnswerTooLargeHeadersWithAProblem() throws IOException {
        String reply = raw("GET /probe/text HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "a".repeat(20_000) + "\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 431").contains("application/problem+json").contains("\"status\":431");
    }

    @Test
    void shouldAnswerAnOversizedChunkedBodyWithAProblem() throws IOException {
        String reply = raw(RawHttp.chunkedJson("/probe", "Basic c2Nhbm5lcjpzY2FubmVy", 20, 64 * 1024));
        assertThat(reply).startsWith("HTTP/1.1 413").contains("application/problem+json");
    }

    @Test
    void shouldAcceptAChunkedBodyWithinTheLimit() throws IOException {
        String body = "{\"scanId\":\"chunked\"}";
        String reply = raw("POST /probe HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Basic c2Nhbm5lcjpzY2FubmVy\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 200").contains("\"scanId\":\"chunked\"");
    }

    private String raw(String request) throws IOException {
        return RawHttp.exchange(root.getHost(), root.getPort(), request);
    }
}
