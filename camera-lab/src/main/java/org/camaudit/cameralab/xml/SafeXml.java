package org.camaudit.cameralab.xml;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses requests sent to the cameras. Requests are untrusted: no DTDs, no entity expansion, no
 * external resources, bounded depth and element count.
 */
public final class SafeXml {

    private static final int MAX_DEPTH = 32;
    private static final int MAX_ELEMENTS = 4096;
    private static final XMLInputFactory FACTORY = createFactory();

    private SafeXml() {
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resources are not loaded");
        });
        return factory;
    }

    /** Parses {@code bytes} into a tree; throws {@link InvalidXmlException} for anything not plain XML. */
    public static XmlElement parse(byte[] bytes) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes));
            Deque<XmlElement> stack = new ArrayDeque<>();
            Deque<Map<String, String>> scopes = new ArrayDeque<>();
            XmlElement root = null;
            int elements = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new InvalidXmlException("DTDs and entity references are refused");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++elements > MAX_ELEMENTS || stack.size() >= MAX_DEPTH) {
                            throw new InvalidXmlException("document too large or too deep");
                        }
                        Map<String, String> scope = scopes.isEmpty() ? Map.of() : scopes.peek();
                        if (reader.getNamespaceCount() > 0) {
                            Map<String, String> widened = new HashMap<>(scope);
                            for (int i = 0; i < reader.getNamespaceCount(); i++) {
                                String prefix = reader.getNamespacePrefix(i);
                                widened.put(prefix == null ? "" : prefix, reader.getNamespaceURI(i));
                            }
                            scope = widened;
                        }
                        Map<String, String> attributes = new HashMap<>();
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                        String ns = reader.getNamespaceURI();
                        XmlElement element = new XmlElement(ns == null ? "" : ns, reader.getLocalName(), attributes,
                                scope);
                        if (stack.isEmpty()) {
                            root = element;
                        } else {
                            stack.peek().children().add(element);
                        }
                        stack.push(element);
                        scopes.push(scope);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        stack.pop();
                        scopes.pop();
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!stack.isEmpty()) {
                            stack.peek().textBuffer().append(reader.getText());
                        }
                    }
                    default -> {
                    }
                }
            }
            if (root == null) {
                throw new InvalidXmlException("no root element");
            }
            return root;
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof InvalidXmlException invalid) {
                throw invalid;
            }
            throw new InvalidXmlException("not well-formed XML");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // the document was already rejected or fully read
                }
            }
        }
    }

    /** A request the cameras refuse to read. */
    public static final class InvalidXmlException extends RuntimeException {
        public InvalidXmlException(String message) {
            super(message, null, false, false);
        }
    }
}
