package org.camaudit.scanner.tcp;

import java.util.Set;

/**
 * What a camera port speaks, so each probe only talks to ports that can answer it: RTSP on 554
 * (RFC 2326's registered port), Dahua's private binary protocol on 37777 (an open 37777 is
 * recorded, but nothing is sent to it: it does not speak HTTP and waits for the client), HTTPS on
 * 443 (not fingerprinted: the web fingerprints are read over plain HTTP); every other port is tried
 * as plain HTTP.
 */
public final class PortRoles {

    private static final Set<Integer> RTSP = Set.of(554);
    private static final Set<Integer> NOT_HTTP = Set.of(443, 554, 37777);

    private PortRoles() {
    }

    public static boolean isRtsp(int port) {
        return RTSP.contains(port);
    }

    public static boolean isHttp(int port) {
        return !NOT_HTTP.contains(port);
    }
}
