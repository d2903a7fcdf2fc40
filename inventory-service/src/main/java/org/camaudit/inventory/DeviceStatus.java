package org.camaudit.inventory;

/** Lifecycle of a device: seen recently, not seen in its site's last scans, or taken out of service. */
public enum DeviceStatus {
    active,
    missing,
    retired;

    /** The status named {@code value}, or empty when no status has that name. */
    public static java.util.Optional<DeviceStatus> parse(String value) {
        for (DeviceStatus s : values()) {
            if (s.name().equals(value)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
