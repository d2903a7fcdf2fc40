package org.camaudit.scanner.replies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.camaudit.scanner.http.HttpResponse;
import org.camaudit.scanner.identify.DeviceFacts;
import org.camaudit.scanner.identify.Evidence;
import org.camaudit.scanner.onvif.OnvifProbe;
import org.camaudit.scanner.udp.DhipProbe;
import org.camaudit.scanner.udp.DiscoveryReply;
import org.camaudit.scanner.udp.SadpProbe;
import org.camaudit.scanner.udp.UdpProbe;
import org.camaudit.scanner.udp.WsDiscoveryProbe;
import org.camaudit.scanner.xml.OnvifMessages;
import org.onvif.ver10.device.wsdl.GetDeviceInformationResponse;
import org.onvif.ver10.device.wsdl.GetNetworkInterfacesResponse;
import org.onvif.ver10.device.wsdl.GetScopesResponse;

/** The fixture corpus (a copy of shared/fixtures in the test resources) and every reply parser run over bytes. */
final class Corpus {

    static final int MAX_REPLY = 1 << 20;

    private Corpus() {
    }

    static Path root() {
        try {
            return Path.of(Corpus.class.getResource("/fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files() {
        try (Stream<Path> walk = Files.walk(root())) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs every parser the scanner applies to device replies over the bytes and returns every
     * string they extracted. Any exception escaping a parser fails the caller.
     */
    static List<String> parseWithEverything(byte[] data, UUID scanUuid) {
        List<String> out = new ArrayList<>();
        java.net.InetAddress from = java.net.InetAddress.getLoopbackAddress();
        for (UdpProbe probe : List.of(new WsDiscoveryProbe(scanUuid, 1, MAX_REPLY), new SadpProbe(scanUuid, MAX_REPLY),
                new DhipProbe(MAX_REPLY))) {
            for (DiscoveryReply reply : probe.parse(from, data, data.length)) {
                reply.evidence().forEach(e -> out.add(e.value()));
                out.addAll(reply.xaddrs());
                out.addAll(reply.scopes());
                if (reply.claimedAddress() != null) {
                    out.add(reply.claimedAddress());
                }
            }
        }
        HttpResponse response = new HttpResponse(200, java.util.Map.of(), data, false);
        DeviceFacts facts = new DeviceFacts("127.0.30.1");
        OnvifProbe.Reply<GetDeviceInformationResponse> info = OnvifProbe.interpret(facts, "GetDeviceInformation", response,
                MAX_REPLY, OnvifMessages::deviceInformation);
        if (info.body() != null) {
            GetDeviceInformationResponse b = info.body();
            out.addAll(nonNull(b.getManufacturer(), b.getModel(), b.getFirmwareVersion(), b.getSerialNumber(),
                    b.getHardwareId()));
        }
        OnvifProbe.Reply<GetScopesResponse> scopes = OnvifProbe.interpret(facts, "GetScopes", response, MAX_REPLY,
                OnvifMessages::scopes);
        if (scopes.body() != null) {
            scopes.body().getScopes().forEach(s -> out.addAll(nonNull(s.getScopeItem())));
        }
        OnvifProbe.Reply<GetNetworkInterfacesResponse> nics = OnvifProbe.interpret(facts, "GetNetworkInterfaces", response,
                MAX_REPLY, OnvifMessages::networkInterfaces);
        if (nics.body() != null) {
            nics.body().getNetworkInterfaces().stream().filter(n -> n.getInfo() != null)
                    .forEach(n -> out.addAll(nonNull(n.getInfo().getHwAddress(), n.getInfo().getName())));
        }
        OnvifProbe.Reply<java.util.Optional<org.onvif.ver10.schema.DateTime>> time = OnvifProbe.interpret(facts,
                "GetSystemDateAndTime", response, MAX_REPLY, OnvifMessages::utcDateTime);
        if (time.body() != null) {
            time.body().filter(t -> t.getDate() != null).ifPresent(t -> out.add(Integer.toString(t.getDate().getYear())));
        }
        facts.evidence().stream().map(Evidence::value).forEach(out::add);
        return out;
    }

    private static List<String> nonNull(String... values) {
        return Stream.of(values).filter(v -> v != null).toList();
    }
}
