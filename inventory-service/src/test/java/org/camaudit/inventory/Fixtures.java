package org.camaudit.inventory;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Request bodies and authenticated requests for the tests; every test uses its own site names. */
public final class Fixtures {

    private static final java.util.concurrent.atomic.AtomicInteger FLEETS =
            new java.util.concurrent.atomic.AtomicInteger(new java.util.Random().nextInt(30_000));

    private Fixtures() {
    }

    public static RequestSpecification as(String account) {
        return given().auth().preemptive().basic(account, account);
    }

    public static String uniqueSite(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> batch(String site, List<Map<String, Object>> observations) {
        return batch(UUID.randomUUID().toString(), site, observations);
    }

    public static Map<String, Object> batch(String scanId, String site, List<Map<String, Object>> observations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scanId", scanId);
        body.put("site", site);
        body.put("scanner", Map.of("host", "jump-1", "version", "0.1.0"));
        String now = java.time.Instant.now().toString();
        body.put("startedAt", now);
        body.put("finishedAt", now);
        body.put("targets", List.of("10.1.0.0/24"));
        body.put("observations", observations);
        return body;
    }

    /** A complete scan of {@code targets} that saw {@code observations}. */
    public static Map<String, Object> scanOf(String site, List<String> targets, List<Map<String, Object>> observations) {
        Map<String, Object> body = batch(site, observations);
        body.put("targets", targets);
        return body;
    }

    /** A scan of {@code targets} that ended early: it has no {@code finishedAt}. */
    public static Map<String, Object> unfinishedScanOf(String site, List<String> targets,
            List<Map<String, Object>> observations) {
        Map<String, Object> body = scanOf(site, targets, observations);
        body.remove("finishedAt");
        return body;
    }

    public static Map<String, Object> obs(String ip) {
        Map<String, Object> o = new HashMap<>();
        o.put("ip", ip);
        return o;
    }

    public static Map<String, Object> obs(String ip, String mac, String manufacturer, String model, String serial) {
        Map<String, Object> o = obs(ip);
        if (mac != null) {
            o.put("mac", mac);
        }
        if (manufacturer != null) {
            o.put("manufacturer", manufacturer);
            o.put("reportedManufacturer", manufacturer.toUpperCase());
        }
        if (model != null) {
            o.put("model", model);
        }
        if (serial != null) {
            o.put("serialNumber", serial);
        }
        o.put("discoveredBy", List.of("onvif"));
        return o;
    }

    /**
     * {@code count} distinct cameras on 10.{block}.x.y, each with a MAC and a serial number that no other
     * call returns (so tests sharing the database never share devices).
     */
    public static List<Map<String, Object>> cameras(int block, int count) {
        int fleet = FLEETS.incrementAndGet();
        List<Map<String, Object>> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String ip = "10." + block + "." + (i / 250) + "." + (i % 250 + 1);
            String mac = String.format("02:%02x:%02x:%02x:%02x:%02x", (fleet >> 8) & 0xff, fleet & 0xff,
                    (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
            list.add(obs(ip, mac, "Hikvision", "DS-2CD2142FWD-I", "SN-" + fleet + "-" + i));
        }
        return list;
    }

    public static ValidatableResponse post(Map<String, Object> batch) {
        return as("scanner").contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/observations")
                .then();
    }
}
