package org.camaudit.inventory.rest;

/** Example payloads of the OpenAPI document, kept together so they stay consistent with each other. */
final class Examples {

    static final String BATCH = """
            {"scanId":"6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23","site":"HQ",
             "scanner":{"host":"jump-1","version":"0.1.0"},
             "startedAt":"2026-11-28T10:00:00Z","finishedAt":"2026-11-28T10:00:09Z","targets":["10.1.0.0/24"],
             "observations":[
              {"ip":"10.1.0.23","mac":"44:19:b6:12:34:56","manufacturer":"Hikvision","reportedManufacturer":"HIKVISION",
               "model":"DS-2CD2142FWD-I","firmwareVersion":"V5.5.0 build 170725",
               "serialNumber":"DS-2CD2142FWD-I20170101AAWR123456789","hardwareId":"88",
               "discoveredBy":["ws-discovery","onvif","sadp","oui"],
               "onvif":{"xaddrs":["http://10.1.0.23/onvif/device_service"],
                        "scopes":["onvif://www.onvif.org/name/HIKVISION"],"authRequired":true},
               "httpPorts":[80],
               "evidence":[{"source":"onvif.GetDeviceInformation","field":"Manufacturer","value":"HIKVISION"},
                           {"source":"oui","field":"mac","value":"Hangzhou Hikvision Digital Technology Co.,Ltd."}],
               "identification":{"status":"partial","reasons":["login rejected"]},
               "observedAt":"2026-11-28T10:00:04Z"},
              {"ip":"10.1.0.31","mac":"00:40:8c:aa:bb:cc","manufacturer":"Axis","model":"AXIS M3045-V",
               "discoveredBy":["ws-discovery","onvif"],
               "identification":{"status":"partial","reasons":["no credentials for this address"]},
               "observedAt":"2026-11-28T10:00:05Z"},
              {"ip":"10.1.0.40","discoveredBy":["http"],"httpPorts":[80,8000],
               "identification":{"status":"unidentified","reasons":["no reply to identification"]},
               "observedAt":"2026-11-28T10:00:06Z"}]}
            """;

    static final String INGEST_RESULT = """
            {"scanId":"6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23","received":3,"created":1,"updated":1,"unchanged":1,
             "devices":[{"deviceId":42,"ip":"10.1.0.23","result":"updated"},
                        {"deviceId":57,"ip":"10.1.0.31","result":"unchanged"},
                        {"deviceId":113,"ip":"10.1.0.40","result":"created"}]}
            """;

    static final String DEVICE = """
            {"id":42,"site":"HQ","ip":"10.1.0.23","mac":"44:19:b6:12:34:56","manufacturer":"Hikvision",
             "reportedManufacturer":"HIKVISION","model":"DS-2CD2142FWD-I","firmwareVersion":"V5.5.0 build 170725",
             "serialNumber":"DS-2CD2142FWD-I20170101AAWR123456789","hardwareId":"88",
             "discoveredBy":["ws-discovery","onvif","sadp","oui"],
             "onvif":{"xaddrs":["http://10.1.0.23/onvif/device_service"],
                      "scopes":["onvif://www.onvif.org/name/HIKVISION"],"authRequired":true},
             "httpPorts":[80],
             "evidence":[{"source":"onvif.GetDeviceInformation","field":"Manufacturer","value":"HIKVISION"}],
             "identification":{"status":"partial","reasons":["login rejected"]},"observedAt":"2026-11-28T10:00:04Z",
             "location":"Building A, loading dock","owner":"Facilities east","notes":null,"status":"active",
             "firstSeen":"2026-11-21T10:00:04Z","lastSeen":"2026-11-28T10:00:04Z",
             "lastScanId":"6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23"}
            """;

    static final String DEVICE_PAGE = "{\"items\":[" + DEVICE + "],\"page\":0,\"size\":50,\"total\":1}";

    /** Two lines of the device stream (NDJSON: one device per line) and its closing total line. */
    static final String DEVICE_STREAM = "{\"id\":42,\"site\":\"HQ\",\"ip\":\"10.1.0.23\",\"mac\":\"44:19:b6:12:34:56\","
            + "\"manufacturer\":\"Hikvision\",\"reportedManufacturer\":\"HIKVISION\",\"model\":\"DS-2CD2142FWD-I\","
            + "\"firmwareVersion\":\"V5.5.0 build 170725\",\"serialNumber\":\"DS-2CD2142FWD-I20170101AAWR123456789\","
            + "\"hardwareId\":\"88\",\"discoveredBy\":[\"ws-discovery\",\"onvif\"],\"onvif\":null,\"httpPorts\":[80],"
            + "\"evidence\":[],\"identification\":{\"status\":\"partial\",\"reasons\":[\"login rejected\"]},"
            + "\"observedAt\":\"2026-11-28T10:00:04Z\",\"location\":null,\"owner\":null,\"notes\":null,"
            + "\"status\":\"active\",\"firstSeen\":\"2026-11-21T10:00:04Z\",\"lastSeen\":\"2026-11-28T10:00:04Z\","
            + "\"lastScanId\":\"6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23\"}\n"
            + "{\"id\":57,\"site\":\"HQ\",\"ip\":\"10.1.0.40\",\"mac\":null,\"manufacturer\":null,"
            + "\"reportedManufacturer\":null,\"model\":null,\"firmwareVersion\":null,\"serialNumber\":null,"
            + "\"hardwareId\":null,\"discoveredBy\":[\"http\"],\"onvif\":null,\"httpPorts\":[80,8000],\"evidence\":[],"
            + "\"identification\":{\"status\":\"unidentified\",\"reasons\":[\"no reply to identification\"]},"
            + "\"observedAt\":\"2026-11-28T10:00:06Z\",\"location\":null,\"owner\":null,\"notes\":null,"
            + "\"status\":\"active\",\"firstSeen\":\"2026-11-28T10:00:06Z\",\"lastSeen\":\"2026-11-28T10:00:06Z\","
            + "\"lastScanId\":\"6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23\"}\n"
            + "{\"total\":2}\n";

    static final String DEVICE_CSV = """
            id,site,ip,mac,manufacturer,reportedManufacturer,model,firmwareVersion,serialNumber,hardwareId,discoveredBy,identification,identificationReasons,status,location,owner,notes,firstSeen,lastSeen,lastScanId\r
            42,HQ,10.1.0.23,44:19:b6:12:34:56,Hikvision,HIKVISION,DS-2CD2142FWD-I,V5.5.0 build 170725,DS-2CD2142FWD-I20170101AAWR123456789,88,ws-discovery onvif sadp oui,partial,login rejected,active,"Building A, loading dock",Facilities east,,2026-11-21T10:00:04Z,2026-11-28T10:00:04Z,6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23\r
            """;

    static final String PATCH = """
            {"location":"Building A, loading dock","owner":"Facilities east","notes":null,"status":"retired"}
            """;

    static final String SIGHTINGS = """
            {"items":[{"id":1017,"deviceId":42,"scanId":"6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23","site":"HQ",
              "ip":"10.1.0.23","mac":"44:19:b6:12:34:56","manufacturer":"Hikvision","model":"DS-2CD2142FWD-I",
              "firmwareVersion":"V5.5.0 build 170725","discoveredBy":["ws-discovery","onvif","sadp","oui"],
              "identification":{"status":"partial","reasons":["login rejected"]},
              "observedAt":"2026-11-28T10:00:04Z"}],"page":0,"size":50,"total":1}
            """;

    static final String SCAN = """
            {"scanId":"6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23","site":"HQ","scannerHost":"jump-1",
             "scannerVersion":"0.1.0","startedAt":"2026-11-28T10:00:00Z","finishedAt":"2026-11-28T10:00:09Z",
             "targets":["10.1.0.0/24"],"receivedAt":"2026-11-28T10:00:10Z","received":3,"created":1,"updated":1,
             "unchanged":1}
            """;

    static final String SCAN_PAGE = "{\"items\":[" + SCAN + "],\"page\":0,\"size\":50,\"total\":1}";

    static final String SITES = """
            [{"name":"HQ","devices":214,"missing":3,"lastScanId":"6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23",
              "lastScanAt":"2026-11-28T10:00:00Z"},
             {"name":"Warehouse 2","devices":38,"missing":0,"lastScanId":"b0a4d5e1-77c2-4f0e-8d7a-2e9c41f6a3d8",
              "lastScanAt":"2026-11-27T22:00:00Z"}]
            """;

    static final String VALIDATION_PROBLEM = """
            {"type":"about:blank","title":"Validation failed","status":400,
             "detail":"observations[3].model size must be between 0 and 255",
             "errors":[{"field":"observations[3].model","message":"size must be between 0 and 255"}]}
            """;

    static final String NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"Device 42 does not exist"}
            """;

    static final String TOO_LARGE = """
            {"type":"about:blank","title":"Too many observations","status":413,
             "detail":"A request may carry at most 10000 observations; this one has 10001. Split the scan into several requests."}
            """;

    static final String OTHER_SITE = """
            {"type":"about:blank","title":"Scan belongs to another site","status":409,
             "detail":"Scan 6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23 was recorded for site HQ, not Warehouse 2; nothing was stored. A scan of another site needs its own scanId."}
            """;

    private Examples() {
    }
}
