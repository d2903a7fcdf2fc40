package org.camaudit.scanner.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camaudit.scanner.http.HttpFingerprintProbe;
import org.camaudit.scanner.http.HttpFingerprints;
import org.camaudit.scanner.onvif.OnvifProbe;
import org.camaudit.scanner.probe.DeviceProbe;
import org.camaudit.scanner.rtsp.RtspProbe;
import org.camaudit.scanner.udp.DhipProbe;
import org.camaudit.scanner.udp.SadpProbe;
import org.camaudit.scanner.udp.UdpProbe;
import org.camaudit.scanner.udp.WsDiscoveryProbe;
import org.camaudit.scanner.xml.OnvifMessages;

/**
 * Which probe implements which {@link Method}: the UDP discovery probes of phase 1 and the
 * device probes of phase 2, built for one scan from its enabled methods (ARP is read once at the
 * end and has no probe).
 */
final class ProbeRegistry {

    private ProbeRegistry() {
    }

    static List<UdpProbe> udpProbes(ScanSettings settings, UUID scanUuid, int targetCount) {
        List<UdpProbe> probes = new ArrayList<>();
        int maxXml = settings.limits().maxXmlBytes();
        for (Method method : settings.enabled()) {
            switch (method) {
                case WS_DISCOVERY -> probes.add(new WsDiscoveryProbe(scanUuid, targetCount, maxXml));
                case SADP -> {
                    if (settings.multicast()) {
                        probes.add(new SadpProbe(scanUuid, maxXml));
                    }
                }
                case DHIP -> probes.add(new DhipProbe(maxXml));
                default -> {
                }
            }
        }
        return probes;
    }

    /** Phase-2 probes in the order they run (ONVIF moves first for devices that announced it). */
    static List<DeviceProbe> deviceProbes(ScanSettings settings) {
        List<DeviceProbe> probes = new ArrayList<>();
        for (Method method : settings.enabled()) {
            switch (method) {
                case HTTP -> probes.add(new HttpFingerprintProbe(HttpFingerprints.shipped()));
                case RTSP -> probes.add(new RtspProbe(HttpFingerprints.shipped()));
                case ONVIF -> {
                    probes.add(new OnvifProbe());
                    Thread warmUp = new Thread(OnvifMessages::warmUp, "onvif-bindings");
                    warmUp.setDaemon(true);
                    warmUp.start();
                }
                default -> {
                }
            }
        }
        return probes;
    }
}
