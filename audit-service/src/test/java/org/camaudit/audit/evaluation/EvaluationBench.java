package org.camaudit.audit.evaluation;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.camaudit.audit.TestPolicies;
import org.camaudit.audit.client.Device;
import org.camaudit.audit.policy.Policy;

/**
 * Evaluation CPU of the shipped policy over a synthetic fleet built like {@code bench/audit.sh}'s (about 20 %
 * restricted: Hikvision naming itself with SADP, relabelled Hikvision firmware, Dahua by DHIP or model, OUI only,
 * Huawei, EZVIZ; the rest Axis, Bosch, Hanwha, Pelco, Uniview, Milesight), audited at a {@code us-federal} site on
 * 2026-12-01. No database and no HTTP: only {@link DeviceEvaluator}, as {@code AuditService} calls it.
 *
 * <p>Run by {@code bench/evaluate.sh}. Arguments: devices (default 100,000), passes (default 5). Each pass
 * evaluates every device once on this thread and prints wall time, this thread's CPU, the whole process's CPU (JIT
 * and GC threads included), GC time and the bytes this thread allocated (which do not depend on the machine's
 * load). The last line is a digest of every evaluation of the last pass, so two
 * builds that print the same digest reached the same verdicts with the same evidence.
 */
public final class EvaluationBench {

    private static final SiteScope FEDERAL = new SiteScope(Set.of("us-federal"), LocalDate.of(2026, 12, 1));

    private EvaluationBench() {
    }

    public static void main(String[] args) {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Device> fleet = fleet(devices, new Random(20261128));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        Policy policy = TestPolicies.defaultPolicy();
        long compileStarted = threads.getCurrentThreadCpuTime();
        DeviceEvaluator evaluator = new DeviceEvaluator(policy);
        System.out.printf("policy version %d compiled in %.1f ms CPU%n", evaluator.policyVersion(),
                (threads.getCurrentThreadCpuTime() - compileStarted) / 1e6);
        System.out.println("| pass | devices | flagged | wall ms | thread CPU ms | process CPU ms | GC ms | allocated MB |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        List<List<Evaluation>> results = new ArrayList<>(fleet.size());
        for (int pass = 1; pass <= passes; pass++) {
            results.clear();
            long gcStarted = gcMillis();
            long processStarted = os.getProcessCpuTime();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            int flagged = 0;
            for (Device device : fleet) {
                List<Evaluation> evaluations = evaluator.evaluate(device, FEDERAL);
                flagged += evaluations.isEmpty() ? 0 : 1;
                results.add(evaluations);
            }
            long wall = System.nanoTime() - started;
            long cpu = threads.getCurrentThreadCpuTime() - cpuStarted;
            long process = os.getProcessCpuTime() - processStarted;
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            System.out.printf("| %d | %d | %d | %.0f | %.0f | %.0f | %d | %.0f |%n", pass, fleet.size(), flagged,
                    wall / 1e6, cpu / 1e6, process / 1e6, gcMillis() - gcStarted, allocated / 1e6);
        }
        Map<String, Integer> verdicts = new TreeMap<>();
        long digest = 17;
        for (List<Evaluation> evaluations : results) {
            for (Evaluation evaluation : evaluations) {
                verdicts.merge(evaluation.vendor() + "/" + evaluation.confidence().code(), 1, Integer::sum);
                digest = digest * 31 + evaluation.toString().hashCode();
            }
            digest = digest * 31 + evaluations.size();
        }
        System.out.printf("verdicts %s digest %016x%n", verdicts, digest);
        System.out.printf("JVM total: %.2f s CPU (fleet generation, policy compilation and every pass)%n",
                os.getProcessCpuTime() / 1e9);
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    static List<Device> fleet(int total, Random random) {
        List<Device> fleet = new ArrayList<>(total);
        for (int n = 0; n < total; n++) {
            String ip = "10.%d.%d.%d".formatted(n / 65536 % 256, n / 256 % 256, n % 256);
            String site = "site-%02d".formatted(n / 10_000 % 10);
            fleet.add(random.nextDouble() < 0.20 ? restricted(n, ip, site, random) : other(n, ip, site));
        }
        return fleet;
    }

    private static Device restricted(int n, String ip, String site, Random random) {
        double kind = random.nextDouble();
        if (kind < 0.40) {
            String model = pick(random, "DS-2CD2142FWD-I", "DS-2CD2043G0-I", "DS-2DE4425IW-DE", "DS-7608NI-K2",
                    "DS-KH6320-WTE1");
            return device(n, site, ip, mac("44:19:b6", n), "Hikvision", "HIKVISION", model, "V5.5.0 build 170725",
                    "%s20190101AAWR%09d".formatted(model, n), "88", List.of("ws-discovery", "onvif", "sadp"),
                    onvif(ip, "HIKVISION", model), List.of(
                            evidence("onvif.GetDeviceInformation", "Manufacturer", "HIKVISION"),
                            evidence("sadp", "DeviceDescription", model), evidence("http", "Server", "App-webs/"),
                            evidence("oui", "mac", "Hangzhou Hikvision Digital Technology Co.,Ltd.")));
        }
        if (kind < 0.55) {
            return device(n, site, ip, mac("00:14:d1", n), "TRENDnet", "TRENDnet", "TV-IP320PI", "V5.3.4 build 160830",
                    "TV-IP320PI20161206AAWR%09d".formatted(n), "88", List.of("ws-discovery", "onvif"),
                    onvif(ip, "TRENDnet", "TV-IP320PI"), List.of(
                            evidence("onvif.GetDeviceInformation", "FirmwareVersion", "V5.3.4 build 160830"),
                            evidence("onvif.GetCapabilities", "namespace",
                                    "http://www.onvifext.com/onvif/ext/ver10/wsdl")));
        }
        if (kind < 0.80) {
            String model = pick(random, "IPC-HFW2431S-S-S2", "IPC-HDBW2431E-S", "SD49225XA-HNR", "NVR4108HS-4KS2");
            return device(n, site, ip, mac("4c:11:bf", n), "Dahua", "Dahua", model,
                    "2.800.0000016.0.R, Build Date 2020-06-05", "7J0%09dPAZ".formatted(n), null,
                    random.nextDouble() < 0.5 ? List.of("dhip", "ws-discovery") : List.of("ws-discovery", "http"), null,
                    List.of(evidence("dhip", "DeviceType", model), evidence("http", "path", "/RPC2_Login")));
        }
        if (kind < 0.92) {
            return device(n, site, ip, mac(pick(random, "bc:ad:28", "e0:50:8b", "24:b1:05"), n), null, null, null, null,
                    null, null, List.of("arp", "http"), null, List.of(evidence("http", "Server", "nginx")));
        }
        if (kind < 0.97) {
            return device(n, site, ip, mac("00:e0:fc", n), "Huawei", "HUAWEI", "M2120-10-EI", "SDC 8.0.1.SPC300", null,
                    null, List.of("ws-discovery", "onvif"), null, List.of());
        }
        return device(n, site, ip, mac("78:a6:a0", n), null, "EZVIZ", "CS-C6N", null, null, null,
                List.of("ws-discovery"), null, List.of());
    }

    private static final String[][] OTHERS = {
        { "Axis", "AXIS", "00:40:8c", "AXIS Q6045-E", "5.55.1.2" },
        { "Bosch", "Bosch", "00:04:63", "FLEXIDOME indoor 5100i IR", "8.71.0066" },
        { "Hanwha Vision", "Hanwha Vision", "00:09:18", "XNV-8080R", "2.10.02_20230301" },
        { "Pelco", "Pelco", "00:04:7d", "D6230L", "2.9.0.4" },
        { "Uniview", "Uniview", "6c:f1:7e", "IPC2124LB-SF40KM-G", "IPC_G6103-B0005P62D1907" },
        { "Milesight", "Milesight Technology Co.,Ltd.", "1c:c3:16", "MS-C8165-PE", "61.8.0.3-r8" } };

    private static Device other(int n, String ip, String site) {
        String[] maker = OTHERS[n % OTHERS.length];
        return device(n, site, ip, mac(maker[2], n), maker[0], maker[1], maker[3], maker[4], "SN%010d".formatted(n), "1.0",
                List.of("ws-discovery", "onvif", "http"), onvif(ip, maker[1].replace(" ", "%20"), maker[3]), List.of(
                        evidence("onvif.GetDeviceInformation", "Manufacturer", maker[1]),
                        evidence("http", "Server", "lighttpd")));
    }

    private static Device device(int n, String site, String ip, String mac, String manufacturer, String reported,
            String model, String firmware, String serial, String hardwareId, List<String> discoveredBy,
            Device.Onvif onvif, List<Device.Evidence> evidence) {
        return new Device(Integer.toString(n + 1), site, ip, mac, manufacturer, reported, model, firmware, serial,
                hardwareId, discoveredBy, onvif, List.of(80), evidence, null, null, "active", "2026-11-28T10:00:04Z");
    }

    private static Device.Onvif onvif(String ip, String name, String hardware) {
        return new Device.Onvif(List.of("http://" + ip + "/onvif/device_service"),
                List.of("onvif://www.onvif.org/type/video_encoder", "onvif://www.onvif.org/name/" + name,
                        "onvif://www.onvif.org/hardware/" + hardware), true);
    }

    private static Device.Evidence evidence(String source, String field, String value) {
        return new Device.Evidence(source, field, value);
    }

    private static String mac(String prefix, int n) {
        return prefix + ":%02x:%02x:%02x".formatted(n >> 16 & 255, n >> 8 & 255, n & 255);
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }
}
