package org.camaudit.scanner.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** SOAP envelope helpers: the body's payload element and faults, for SOAP 1.1 and 1.2 alike. */
public final class Soap {

    private Soap() {
    }

    /** The first element inside Body, or empty when the document is not a SOAP envelope. */
    public static Optional<Element> payload(Document document) {
        Element root = document.getDocumentElement();
        if (root == null || !"Envelope".equals(root.getLocalName())) {
            return Optional.empty();
        }
        return Dom.child(root, "Body").flatMap(body -> Dom.children(body).stream().findFirst());
    }

    public static Optional<Element> header(Document document) {
        Element root = document.getDocumentElement();
        if (root == null || !"Envelope".equals(root.getLocalName())) {
            return Optional.empty();
        }
        return Dom.child(root, "Header");
    }

    /** A fault's code, subcodes (innermost last, prefixes stripped) and reason. */
    public record Fault(List<String> codes, String reason) {

        public boolean notAuthorized() {
            return codes.stream().anyMatch(code -> code.equalsIgnoreCase("NotAuthorized")
                    || code.equalsIgnoreCase("FailedAuthentication") || code.equalsIgnoreCase("InvalidSecurity")
                    || code.equalsIgnoreCase("InvalidSecurityToken") || code.equalsIgnoreCase("FailedCheck"));
        }
    }

    public static Optional<Fault> fault(Element payload) {
        if (!"Fault".equals(payload.getLocalName())) {
            return Optional.empty();
        }
        List<String> codes = new ArrayList<>();
        Dom.child(payload, "Code").ifPresent(code -> collectCodes(code, codes));
        Dom.child(payload, "faultcode").ifPresent(code -> codes.add(stripPrefix(code.getTextContent())));
        String reason = Dom.text(payload, "Text").or(() -> Dom.childText(payload, "faultstring")).orElse("");
        return Optional.of(new Fault(List.copyOf(codes), reason));
    }

    private static void collectCodes(Element code, List<String> codes) {
        Dom.child(code, "Value").ifPresent(value -> codes.add(stripPrefix(value.getTextContent())));
        Dom.child(code, "Subcode").ifPresent(sub -> collectCodes(sub, codes));
    }

    private static String stripPrefix(String qname) {
        String trimmed = qname.trim();
        int colon = trimmed.indexOf(':');
        return colon < 0 ? trimmed : trimmed.substring(colon + 1);
    }
}
