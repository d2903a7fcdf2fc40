package org.camaudit.scanner.scan;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The scanner's discovery and identification methods, by their {@code --methods} names. */
public enum Method {

    WS_DISCOVERY("ws-discovery"), SADP("sadp"), DHIP("dhip"), HTTP("http"), RTSP("rtsp"), ONVIF("onvif"), ARP("arp");

    private final String id;

    Method(String id) {
        this.id = id;
    }

    /** The name in {@code --methods} and in an observation's {@code discoveredBy}. */
    public String id() {
        return id;
    }

    public static Optional<Method> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Method::id).toList();
    }
}
