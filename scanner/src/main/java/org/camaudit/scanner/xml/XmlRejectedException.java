package org.camaudit.scanner.xml;

/** A device reply that the scanner will not read (too large, malformed, or carrying a DOCTYPE). */
public class XmlRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    public XmlRejectedException(String message) {
        super(message, null, false, false);
    }
}
