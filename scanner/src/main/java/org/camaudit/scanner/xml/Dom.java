package org.camaudit.scanner.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Namespace-tolerant lookups on parsed replies. Devices disagree on prefixes and sometimes on
 * namespaces (old WS-Addressing, SOAP 1.1), so elements are found by local name.
 */
public final class Dom {

    private Dom() {
    }

    public static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                result.add(element);
            }
        }
        return result;
    }

    public static Optional<Element> child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    /** First descendant (depth-first, document order) with this local name. */
    public static Optional<Element> descendant(Element root, String localName) {
        NodeList list = root.getElementsByTagNameNS("*", localName);
        return list.getLength() == 0 ? Optional.empty() : Optional.of((Element) list.item(0));
    }

    public static List<Element> descendants(Element root, String localName) {
        NodeList list = root.getElementsByTagNameNS("*", localName);
        List<Element> result = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }

    /** Trimmed text of the first descendant with this local name, if present and not blank. */
    public static Optional<String> text(Element root, String localName) {
        return descendant(root, localName).map(e -> e.getTextContent().trim()).filter(s -> !s.isEmpty());
    }

    /** Trimmed text of the direct child with this local name, if present and not blank. */
    public static Optional<String> childText(Element parent, String localName) {
        return child(parent, localName).map(e -> e.getTextContent().trim()).filter(s -> !s.isEmpty());
    }
}
