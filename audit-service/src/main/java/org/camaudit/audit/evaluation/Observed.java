package org.camaudit.audit.evaluation;

/**
 * A value observed on a device and where: {@code model}, {@code evidence sadp/DeviceDescription}, ...
 *
 * @param where the device field, or {@code evidence <source>/<field>}
 * @param value the value, trimmed
 */
record Observed(String where, String value) {

    static final int MAX_TEXT = 200;

    /** {@code where = value}, the value cut at {@value #MAX_TEXT} characters: the evidence a matched rule shows. */
    String text() {
        String shown = value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) + "…" : value;
        return where + " = " + shown;
    }
}
