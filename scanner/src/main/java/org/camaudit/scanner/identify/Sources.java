package org.camaudit.scanner.identify;

/** Evidence source names, as they appear in the inventory. */
public final class Sources {

    public static final String WS_DISCOVERY = "ws-discovery";
    public static final String WS_DISCOVERY_SCOPE = "ws-discovery.scope";
    public static final String SADP = "sadp";
    public static final String DHIP = "dhip";
    public static final String ARP = "arp";
    public static final String OUI = "oui";
    public static final String HTTP_SERVER = "http.server";
    public static final String HTTP_REALM = "http.realm";
    public static final String HTTP_TITLE = "http.title";
    public static final String HTTP_PATH = "http.path";
    public static final String HTTP_FINGERPRINT = "http.fingerprint";
    /** A chip maker's SDK web server (HiSilicon's "Cross Web Server"): hardware inside, not the camera's maker. */
    public static final String HTTP_CHIP = "http.chip";
    public static final String TCP_OPEN = "tcp.open";
    public static final String RTSP_SERVER = "rtsp.server";
    public static final String RTSP_REALM = "rtsp.realm";
    public static final String RTSP_FINGERPRINT = "rtsp.fingerprint";
    public static final String ONVIF_DEVICE_INFORMATION = "onvif.GetDeviceInformation";
    public static final String ONVIF_NETWORK_INTERFACES = "onvif.GetNetworkInterfaces";
    public static final String ONVIF_SCOPES = "onvif.GetScopes";
    public static final String ONVIF_DATE_TIME = "onvif.GetSystemDateAndTime";
    public static final String ONVIF_NAMESPACE = "onvif.namespace";
    public static final String ONVIF_AUTH = "onvif.auth";
    public static final String ONVIF_ERROR = "onvif.error";
    public static final String IDENTIFY = "identify";

    private Sources() {
    }
}
