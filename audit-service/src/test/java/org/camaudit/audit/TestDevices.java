package org.camaudit.audit;

import java.util.ArrayList;
import java.util.List;

import org.camaudit.audit.client.Device;

/** Builds inventory devices field by field for tests. */
public final class TestDevices {

    private String id = "dev-1";
    private String site = "HQ";
    private String ip = "10.1.0.23";
    private String mac;
    private String manufacturer;
    private String reportedManufacturer;
    private String model;
    private String firmwareVersion;
    private String serialNumber;
    private String hardwareId;
    private final List<String> discoveredBy = new ArrayList<>();
    private final List<String> scopes = new ArrayList<>();
    private final List<Device.Evidence> evidence = new ArrayList<>();
    private String location;
    private String status = "active";

    public static TestDevices device() {
        return new TestDevices();
    }

    public TestDevices id(String value) { id = value; return this; }
    public TestDevices site(String value) { site = value; return this; }
    public TestDevices ip(String value) { ip = value; return this; }
    public TestDevices mac(String value) { mac = value; return this; }
    public TestDevices manufacturer(String value) { manufacturer = value; return this; }
    public TestDevices reportedManufacturer(String value) { reportedManufacturer = value; return this; }
    public TestDevices model(String value) { model = value; return this; }
    public TestDevices firmware(String value) { firmwareVersion = value; return this; }
    public TestDevices serial(String value) { serialNumber = value; return this; }
    public TestDevices hardwareId(String value) { hardwareId = value; return this; }
    public TestDevices discoveredBy(String value) { discoveredBy.add(value); return this; }
    public TestDevices scope(String value) { scopes.add(value); return this; }
    public TestDevices evidence(String source, String field, String value) {
        evidence.add(new Device.Evidence(source, field, value));
        return this;
    }
    public TestDevices location(String value) { location = value; return this; }
    public TestDevices status(String value) { status = value; return this; }

    public Device build() {
        return new Device(id, site, ip, mac, manufacturer, reportedManufacturer, model, firmwareVersion, serialNumber,
                hardwareId, List.copyOf(discoveredBy),
                scopes.isEmpty() ? null : new Device.Onvif(List.of("http://" + ip + "/onvif/device_service"), List.copyOf(scopes), true),
                List.of(80), List.copyOf(evidence), location, null, status, "2026-11-28T10:00:04Z");
    }
}
