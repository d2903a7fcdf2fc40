package org.camaudit.cameralab.camera;

import org.camaudit.cameralab.fleet.Fault;

/** Turns a correct reply into the broken one a camera with the {@code malformed} or {@code xxe} fault sends. */
public final class FaultyReplies {

    /** The external entity an {@code xxe} camera declares; a hardened client never reads it. */
    public static final String XXE_TARGET = "file:///etc/passwd";

    private FaultyReplies() {
    }

    /** Applies the camera's XML faults to {@code xml}; unchanged for a well-behaved camera. */
    public static String xml(Camera camera, String xml) {
        if (camera.has(Fault.MALFORMED)) {
            return truncate(xml) + "<tt:Broken attr=\"";
        }
        if (camera.has(Fault.XXE)) {
            return withExternalEntity(xml);
        }
        return xml;
    }

    /** Applies the {@code malformed} fault to a JSON reply. */
    public static String json(Camera camera, String json) {
        return camera.has(Fault.MALFORMED) ? truncate(json) + "{\"" : json;
    }

    private static String truncate(String text) {
        return text.substring(0, text.length() * 3 / 5);
    }

    /**
     * Declares an external entity in a DOCTYPE and references it from the first element's text, as
     * a hostile device would to make a naive client read a local file.
     */
    static String withExternalEntity(String xml) {
        int start = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        int root = xml.indexOf('<', start);
        int nameEnd = root;
        while (nameEnd < xml.length() && !Character.isWhitespace(xml.charAt(nameEnd)) && xml.charAt(nameEnd) != '>') {
            nameEnd++;
        }
        String rootName = xml.substring(root + 1, nameEnd);
        String doctype = "<!DOCTYPE " + rootName + " [<!ENTITY xxe SYSTEM \"" + XXE_TARGET + "\">]>";
        String withDoctype = xml.substring(0, root) + doctype + xml.substring(root);
        int leafEnd = leafTextPosition(withDoctype, root + doctype.length());
        return leafEnd < 0 ? withDoctype : withDoctype.substring(0, leafEnd) + "&xxe;" + withDoctype.substring(leafEnd);
    }

    /** The position right after the start tag of the first element that directly holds text. */
    private static int leafTextPosition(String xml, int from) {
        int pos = from;
        while (true) {
            int close = xml.indexOf('>', pos);
            if (close < 0 || close + 1 >= xml.length()) {
                return -1;
            }
            int next = xml.indexOf('<', close + 1);
            if (next < 0) {
                return -1;
            }
            if (next > close + 1 && !xml.substring(close + 1, next).isBlank() && xml.charAt(close - 1) != '/') {
                return close + 1;
            }
            pos = next;
        }
    }
}
