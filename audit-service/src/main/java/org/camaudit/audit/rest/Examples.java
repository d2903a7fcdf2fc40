package org.camaudit.audit.rest;

/** Realistic request and response bodies shown in Swagger UI, kept together. */
final class Examples {

    private Examples() {
    }

    static final String AUDIT_SUMMARY = """
            {"auditId":12,"policyVersion":3,"devicesEvaluated":1840,"flagged":212,
             "byVendor":{"Dahua":61,"Hikvision":148,"Huawei":3},"durationMs":1375}""";

    static final String AUDIT = """
            {"auditId":12,"policyVersion":3,"startedBy":"auditor","startedAt":"2026-11-28T10:15:02Z",
             "finishedAt":"2026-11-28T10:15:03Z","devicesEvaluated":1840,"flagged":212,
             "byVendor":{"Dahua":61,"Hikvision":148,"Huawei":3},"opened":9,"reopened":0,"closed":2,"replaced":1,
             "durationMs":1375,"inventoryReadMs":702,"evaluationMs":211,"evaluationCpuMs":196,"storeMs":458}""";

    static final String AUDITS = "{\"items\":[" + AUDIT + "],\"page\":0,\"size\":50,\"total\":12}";

    static final String FINDING = """
            {"id":101,"deviceId":"4f1c2e8a-9d3b-4c55-8f0e-1b2a3c4d5e6f","site":"HQ","ip":"10.1.0.23",
             "location":"Loading dock, north wall","model":"TV-IP320PI","reportedManufacturer":"TRENDnet",
             "vendor":"Hikvision","category":"fixed","confidence":"likely",
             "matchedBy":[
              {"rule":"firmware pattern ^V\\\\d\\\\.\\\\d{1,2}\\\\.\\\\d{1,2} ?build ?\\\\d{6}$ (Hikvision firmware string 'V5.5.0 build 170725')",
               "evidence":"firmwareVersion = V5.3.4 build 160830"},
              {"rule":"hardware-id: ONVIF HardwareId '88' reported by Hikvision firmware","evidence":"hardwareId = 88"},
              {"rule":"serial-format: serial '<model><yyyymmdd>AAWR<digits>' of Hikvision firmware",
               "evidence":"serialNumber = TV-IP320PI20161206AAWR863642784"}],
             "basis":[
              {"id":"ndaa-fy2019-889a1a-video","law":"NDAA FY2019 §889(a)(1)(A): federal agencies may not procure or obtain covered video surveillance and telecommunications equipment","jurisdiction":"us-federal","effective":"2019-08-13","deadline":null,"scope":"video surveillance and telecommunications equipment of Hytera, Hikvision or Dahua ... to the extent used for public safety, security of government facilities, physical security surveillance of critical infrastructure, and other national security purposes","source":"https://www.acquisition.gov/far/4.2102 (FAR 4.2102, 52.204-25; Pub. L. 115-232 §889)","verified":"2026-12-01"},
              {"id":"ndaa-fy2024-805","law":"NDAA FY2024 §805 (Pub. L. 118-31): DoD may not contract with entities on the §1260H list ...","jurisdiction":"us-dod","effective":"2026-06-30","deadline":"2027-06-30","scope":"DoD contracts with listed entities (from 2026-06-30); DoD procurement of their goods and services (from 2027-06-30)","source":"https://arnoldporter.com/en/perspectives/advisories/2023/12/fy24-ndaa-navigating-expanded-restrictions","verified":"2026-12-01"}],
             "upcomingBasis":[],
             "status":"replacement-planned","note":"In the Q3 budget, PO 4471","decidedBy":"auditor",
             "decidedAt":"2026-11-28T11:02:40Z","policyVersion":3}""";

    static final String FINDINGS = "{\"items\":[" + FINDING + "],\"page\":0,\"size\":50,\"total\":212}";

    static final String FINDINGS_CSV = """
            id,deviceId,site,ip,location,model,reportedManufacturer,vendor,category,confidence,status,note,decidedBy,decidedAt,matchedBy,basis
            101,4f1c2e8a-9d3b-4c55-8f0e-1b2a3c4d5e6f,HQ,10.1.0.23,"Loading dock, north wall",TV-IP320PI,TRENDnet,Hikvision,fixed,likely,replacement-planned,"In the Q3 budget, PO 4471",auditor,2026-11-28T11:02:40Z,firmwareVersion = V5.3.4 build 160830 | hardwareId = 88,NDAA FY2019 §889(a)(1)(A) (2019-08-13)
            """;

    static final String FINDING_PATCH = """
            {"status":"replacement-planned","note":"In the Q3 budget, PO 4471"}""";

    static final String HISTORY = """
            [{"at":"2026-11-28T11:02:40Z","actor":"auditor","fromStatus":"open","toStatus":"replacement-planned",
              "note":"In the Q3 budget, PO 4471"},
             {"at":"2026-12-05T08:00:12Z","actor":"audit","fromStatus":"replacement-planned","toStatus":"replaced",
              "reason":"device retired in inventory","auditId":19}]""";

    static final String PLAN = """
            {"generatedAt":"2026-11-28T11:30:00Z","policyVersion":3,"currency":"USD",
             "totals":{"devices":2,"estimatedCost":1330.00},
             "sites":[{"site":"HQ","devices":2,"estimatedCost":1330.00,"items":[
              {"findingId":98,"deviceId":"0b6f5a1e-7c2d-4e3f-9a8b-7c6d5e4f3a2b","ip":"10.1.0.7","location":"Lobby",
               "vendor":"Hikvision","model":"DS-2CD2142FWD-I","category":"dome","confidence":"confirmed",
               "basis":[{"id":"ndaa-fy2024-805","law":"NDAA FY2024 §805 (Pub. L. 118-31): DoD may not contract with entities on the §1260H list ...","jurisdiction":"us-dod","effective":"2026-06-30","deadline":"2027-06-30","scope":"DoD contracts with listed entities (from 2026-06-30); DoD procurement of their goods and services (from 2027-06-30)","source":"https://arnoldporter.com/en/perspectives/advisories/2023/12/fy24-ndaa-navigating-expanded-restrictions","verified":"2026-12-01"}],
               "priority":1,"replaceBy":"2027-06-30","estimatedCost":700.00,"suggestedReplacement":"NDAA §889-compliant dome camera"},
              {"findingId":101,"deviceId":"4f1c2e8a-9d3b-4c55-8f0e-1b2a3c4d5e6f","ip":"10.1.0.23","location":"Loading dock, north wall",
               "vendor":"Hikvision","model":"TV-IP320PI","category":"fixed","confidence":"likely",
               "basis":[{"id":"ndaa-fy2019-889a1a-video","law":"NDAA FY2019 §889(a)(1)(A): federal agencies may not procure or obtain covered video surveillance and telecommunications equipment","jurisdiction":"us-federal","effective":"2019-08-13","deadline":null,"scope":"video surveillance and telecommunications equipment of Hytera, Hikvision or Dahua ... to the extent used for public safety, security of government facilities, physical security surveillance of critical infrastructure, and other national security purposes","source":"https://www.acquisition.gov/far/4.2102 (FAR 4.2102, 52.204-25; Pub. L. 115-232 §889)","verified":"2026-12-01"}],
               "priority":2,"replaceBy":null,"estimatedCost":630.00,"suggestedReplacement":"NDAA §889-compliant fixed camera"}]}]}""";

    static final String PLAN_CSV = """
            site,priority,replaceBy,findingId,deviceId,ip,location,vendor,model,category,confidence,estimatedCost,currency,suggestedReplacement,basis
            HQ,1,2027-06-30,98,0b6f5a1e-7c2d-4e3f-9a8b-7c6d5e4f3a2b,10.1.0.7,Lobby,Hikvision,DS-2CD2142FWD-I,dome,confirmed,700.00,USD,NDAA §889-compliant dome camera,NDAA FY2024 §805 (Pub. L. 118-31) (2026-06-30)
            HQ,2,,101,4f1c2e8a-9d3b-4c55-8f0e-1b2a3c4d5e6f,10.1.0.23,"Loading dock, north wall",Hikvision,TV-IP320PI,fixed,likely,630.00,USD,NDAA §889-compliant fixed camera,NDAA FY2019 §889(a)(1)(A) (2019-08-13)
            """;

    static final String COST_TABLE = """
            {"version":2,"currency":"USD","labourPerDevice":180.00,
             "categories":{"fixed":{"hardware":450.00,"replacement":"NDAA §889-compliant fixed camera"},
              "dome":{"hardware":520.00,"replacement":"NDAA §889-compliant dome camera"},
              "ptz":{"hardware":2400.00,"replacement":"NDAA §889-compliant PTZ camera"},
              "nvr":{"hardware":2800.00,"replacement":"NDAA §889-compliant network video recorder"},
              "intercom":{"hardware":900.00,"replacement":"NDAA §889-compliant video intercom"},
              "thermal":{"hardware":5200.00,"replacement":"NDAA §889-compliant thermal camera"},
              "camera":{"hardware":500.00,"replacement":"NDAA §889-compliant IP camera"}},
             "source":"Framework contract FC-2026-114 price list, November 2026"}""";

    static final String POLICY_EXCERPT = """
            {"schema":"camaudit-policy/2","version":3,"published":"2026-12-01",
             "description":"Default camaudit policy","ouiRegistry":{"name":"IEEE Registration Authority MA-L/MA-M/MA-S public listing","date":"2026-08-26","source":"IEEE MA-L/MA-M/MA-S registry as packaged by npm oui-data 2.1.9"},
             "nameNormalization":{"corporateSuffixes":["co","ltd","inc"],"source":"legal-form words"},
             "evidenceFields":{"manufacturer":"(?i)^(manufacturer|vendor)$","model":"(?i)^(model|devicetype)$","firmware":"(?i)^(firmwareversion|softwareversion)$","serialNumber":"(?i)^(serialnumber|devicesn)$","hardwareId":"(?i)^(hardwareid)$","mac":"(?i)^(mac)$","ouiSource":"(?i)^(oui)$","source":"scanner evidence field names"},
             "categoryRules":[{"target":"onvifScope","pattern":"(?i)^onvif://www\\\\.onvif\\\\.org/type/ptz$","category":"ptz","source":"ONVIF Core Specification"}],
             "jurisdictions":[{"id":"us-federal","name":"United States: federal agencies, their contractors and grant recipients","source":"NDAA FY2019 §889; FCC Covered List"},
              {"id":"us-dod","name":"United States Department of Defense and its contractors","source":"NDAA FY2024 §805"}],
             "legalBases":[{"id":"ndaa-fy2019-889a1a-video","law":"NDAA FY2019 §889(a)(1)(A): federal agencies may not procure or obtain covered video surveillance and telecommunications equipment","jurisdiction":"us-federal","effective":"2019-08-13","deadline":null,"scope":"video surveillance and telecommunications equipment of Hytera, Hikvision or Dahua ... to the extent used for public safety, security of government facilities, physical security surveillance of critical infrastructure, and other national security purposes","source":"https://www.acquisition.gov/far/4.2102 (FAR 4.2102, 52.204-25; Pub. L. 115-232 §889)","verified":"2026-12-01"},
              {"id":"ndaa-fy2024-805","law":"NDAA FY2024 §805 (Pub. L. 118-31): DoD may not contract with entities on the §1260H list ...","jurisdiction":"us-dod","effective":"2026-06-30","deadline":"2027-06-30","scope":"DoD contracts with listed entities (from 2026-06-30); DoD procurement of their goods and services (from 2027-06-30)","source":"https://arnoldporter.com/en/perspectives/advisories/2023/12/fy24-ndaa-navigating-expanded-restrictions","verified":"2026-12-01"}],
             "vendors":[{"name":"Hikvision",
              "legalEntities":[{"name":"Hangzhou Hikvision Digital Technology Co., Ltd.","source":"FCC Covered List"}],
              "aliases":[{"name":"Hikvision","match":"word","source":"NDAA FY2019 §889(f)(3)(B)"}],
              "brands":[{"name":"EZVIZ","relation":"subsidiary","verified":true,"attribution":"direct","source":"Hikvision annual report 2022"}],
              "ouiOrganizations":[{"organization":"Hangzhou Hikvision Digital Technology Co.,Ltd.","source":"IEEE registry"}],
              "ouis":[{"organization":"Hangzhou Hikvision Digital Technology Co.,Ltd.","registry":"MA-L","prefixes":["44:19:B6","BC:AD:28"]}],
              "modelPatterns":[{"pattern":"^DS-2CD","category":"fixed","description":"DS-2CD network cameras","source":"REFERENCE.md"}],
              "firmwarePatterns":[{"pattern":"^V\\\\d\\\\.\\\\d{1,2}\\\\.\\\\d{1,2} ?build ?\\\\d{6}$","description":"'V5.5.0 build 170725'","source":"fixtures"}],
              "markers":[{"kind":"discovery","target":"discovery","pattern":"(?i)^sadp$","attribution":"direct","description":"answers Hikvision SADP (UDP 37020)","source":"REFERENCE.md"}],
              "basis":["ndaa-fy2019-889a1a-video","ndaa-fy2024-805"]}]}""";

    static final String JURISDICTIONS = """
            [{"id":"us-dod","name":"United States Department of Defense and its contractors","source":"NDAA FY2024 §805 (Pub. L. 118-31)",
              "bases":[{"id":"ndaa-fy2024-805","law":"NDAA FY2024 §805 (Pub. L. 118-31): DoD may not contract with entities on the §1260H list ...",
                "effective":"2026-06-30","deadline":"2027-06-30","scope":"DoD contracts with listed entities (from 2026-06-30); DoD procurement of their goods and services (from 2027-06-30)",
                "source":"https://arnoldporter.com/en/perspectives/advisories/2023/12/fy24-ndaa-navigating-expanded-restrictions","verified":"2026-12-01",
                "vendors":["Hikvision","Dahua","Huawei"]}]}]""";

    static final String SITE_JURISDICTIONS = """
            {"site":"Austin","jurisdictions":["us-federal","us-state:TX"],"configured":true}""";

    static final String SITE_JURISDICTIONS_PUT = """
            {"jurisdictions":["us-federal","us-state:TX"]}""";

    static final String PROBLEM_INVALID_JURISDICTIONS = """
            {"type":"about:blank","title":"Invalid jurisdictions","status":400,
             "detail":"jurisdictions[1] is not a jurisdiction of the policy ([us-federal, us-dod, us-state:TX, uk, ca])",
             "errors":[{"field":"jurisdictions[1]","message":"is not a jurisdiction of the policy ([us-federal, us-dod, us-state:TX, uk, ca])"}]}""";

    static final String POLICY_VERSIONS = """
            [{"version":3,"published":"2026-11-28","createdAt":"2026-11-28T09:40:11Z","createdBy":"admin","vendors":["Hikvision","Dahua","Hytera","Huawei","ZTE"]},
             {"version":1,"published":"2026-11-28","createdAt":"2026-11-28T09:00:02Z","createdBy":"camaudit (shipped default)","vendors":["Hikvision","Dahua","Hytera","Huawei","ZTE"]}]""";

    static final String PROBLEM_INVALID_POLICY = """
            {"type":"about:blank","title":"Invalid policy","status":400,
             "detail":"vendors[0].modelPatterns[2].pattern is not a valid regular expression: Unclosed group near index 9",
             "errors":[{"field":"vendors[0].modelPatterns[2].pattern","message":"is not a valid regular expression: Unclosed group near index 9"}]}""";

    static final String PROBLEM_INVALID_COST_TABLE = """
            {"type":"about:blank","title":"Invalid cost table","status":400,"detail":"categories.ptz.hardware must be greater than or equal to 0",
             "errors":[{"field":"categories.ptz.hardware","message":"must be greater than or equal to 0"}]}""";

    static final String PROBLEM_BAD_FILTER = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"confidence: must be confirmed, likely or possible",
             "errors":[{"field":"confidence","message":"must be confirmed, likely or possible"}]}""";

    static final String PROBLEM_BAD_STATUS = """
            {"type":"about:blank","title":"Bad Request","status":400,
             "detail":"status: must be one of open, replacement-planned, replaced, risk-accepted, false-positive",
             "errors":[{"field":"status","message":"must be one of open, replacement-planned, replaced, risk-accepted, false-positive"}]}""";

    static final String PROBLEM_NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"Finding 4242 does not exist"}""";

    static final String PROBLEM_INVENTORY_DOWN = """
            {"type":"about:blank","title":"Inventory unavailable","status":503,
             "detail":"inventory-service could not be read (page 37); the audit stopped and nothing was stored"}""";
}
