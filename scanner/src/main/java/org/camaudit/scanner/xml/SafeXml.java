package org.camaudit.scanner.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one XML parser factory of the scanner. Every reply from a device is hostile input: DOCTYPE
 * declarations are refused outright (so neither external nor internal entities can be declared or
 * expanded), external DTDs and schemas cannot be fetched, XInclude is off, and documents larger than
 * the caller's cap are refused before parsing.
 */
public final class SafeXml {

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings carry no information a scan can use
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static final org.xml.sax.EntityResolver REFUSE_ENTITIES = (publicId, systemId) -> {
        throw new SAXException("external entities are refused");
    };

    /** Builders are costly to create and not thread-safe: one per thread, reset before each use. */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(() -> {
        try {
            return FACTORY.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the hardened XML parser cannot be created", e);
        }
    });

    private SafeXml() {
    }

    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setValidating(false);
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
        return factory;
    }

    /**
     * Parses one document.
     *
     * @param bytes    the raw reply
     * @param maxBytes refuse anything larger
     * @throws XmlRejectedException for oversized, malformed or DOCTYPE-bearing input
     */
    public static Document parse(byte[] bytes, int maxBytes) throws XmlRejectedException {
        return parse(bytes, 0, bytes.length, maxBytes);
    }

    public static Document parse(byte[] bytes, int offset, int length, int maxBytes) throws XmlRejectedException {
        if (length > maxBytes) {
            throw new XmlRejectedException("reply of " + length + " bytes exceeds the " + maxBytes + "-byte cap");
        }
        if (length == 0) {
            throw new XmlRejectedException("empty reply");
        }
        try {
            DocumentBuilder builder = BUILDERS.get();
            builder.reset();
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver(REFUSE_ENTITIES);
            return builder.parse(new ByteArrayInputStream(bytes, offset, length));
        } catch (SAXException e) {
            String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw new XmlRejectedException("DOCTYPE refused");
            }
            throw new XmlRejectedException("malformed XML");
        } catch (IOException | RuntimeException e) {
            throw new XmlRejectedException("unreadable XML");
        }
    }
}
