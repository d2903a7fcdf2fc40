package org.camaudit.audit.security;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

import io.quarkus.test.junit.QuarkusIntegrationTest;

import org.camaudit.testsupport.fuzz.OpenApiFuzzer;

/**
 * Every operation of the service's OpenAPI document, fed schema-driven hostile requests against the packaged jar for a
 * bounded time ({@code -Dcamaudit.fuzz.seconds}, default 40; {@code -Dcamaudit.fuzz.seed} replays a run): no answer
 * may be a 5xx, and every 4xx is a problem+json.
 */
@QuarkusIntegrationTest
class OpenApiFuzzIT {

    @Test
    void shouldAnswerEveryFuzzedRequestWithoutAServerError() throws Exception {
        OpenApiFuzzer.configured(URI.create("http://127.0.0.1:" + RestAssured.port)).run().assertNoContractBroken();
    }
}
