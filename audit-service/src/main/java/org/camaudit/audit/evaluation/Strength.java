package org.camaudit.audit.evaluation;

/**
 * How strongly one fired rule attributes a device to a vendor. {@code DIRECT}: the device names the vendor or a
 * brand it owns, or answers its proprietary discovery. {@code PATTERN}: a model-number or firmware-version
 * pattern. {@code INDIRECT}: everything else (OUI, HTTP server header, realm, path, hardware id, serial format,
 * relabelling brands). {@code SUPPORTING}: markers other firmware copies, which only add weight to an indirect
 * signal of another kind.
 */
enum Strength {
    DIRECT, PATTERN, INDIRECT, SUPPORTING
}
