package org.camaudit.cameralab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camaudit.cameralab.onvif.UsernameToken;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A scanner-like client for the tests: real UDP and HTTP sockets, a real (hardened) XML parser. */
final class LabClient {

    static final String SOAP_ENV = "http://www.w3.org/2003/05/soap-envelope";
    static final String WSA = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    static final String WSD = "http://schemas.xmlsoap.org/ws/2005/04/discovery";
    static final String TDS = "http://www.onvif.org/ver10/device/wsdl";
    static final String TT = "http://www.onvif.org/ver10/schema";
    private static final SecureRandom RANDOM = new SecureRandom();

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LabClient() {
    }

    /** Sends one datagram from an ephemeral port and returns the first reply within {@code timeout}. */
    static Optional<DatagramPacket> exchange(String ip, int port, byte[] payload, Duration timeout) throws IOException {
        List<DatagramPacket> replies = exchangeAll(ip, port, payload, timeout, 1);
        return replies.isEmpty() ? Optional.empty() : Optional.of(replies.get(0));
    }

    static List<DatagramPacket> exchangeAll(String ip, int port, byte[] payload, Duration timeout, int max)
            throws IOException {
        List<DatagramPacket> replies = new ArrayList<>();
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            socket.send(new DatagramPacket(payload, payload.length, InetAddress.getByName(ip), port));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (replies.size() < max) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) left);
                DatagramPacket packet = new DatagramPacket(new byte[65535], 65535);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                }
                replies.add(packet);
            }
        }
        return replies;
    }

    static String text(DatagramPacket packet) {
        return new String(packet.getData(), packet.getOffset(), packet.getLength(), StandardCharsets.UTF_8);
    }

    static String probe(String messageId, String types) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"" + SOAP_ENV + "\" xmlns:a=\"" + WSA
                + "\" xmlns:d=\"" + WSD + "\" xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\" xmlns:tds=\"" + TDS
                + "\"><s:Header><a:Action s:mustUnderstand=\"1\">" + WSD + "/Probe</a:Action><a:MessageID>" + messageId
                + "</a:MessageID><a:To s:mustUnderstand=\"1\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>"
                + "</s:Header><s:Body><d:Probe>" + (types == null ? "" : "<d:Types>" + types + "</d:Types>")
                + "</d:Probe></s:Body></s:Envelope>";
    }

    static String sadpInquiry(String uuid) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><Probe><Uuid>" + uuid
                + "</Uuid><MAC>ff-ff-ff-ff-ff-ff</MAC><Types>inquiry</Types></Probe>";
    }

    /** A SOAP 1.2 request; with a username, a UsernameToken PasswordDigest created at {@code created}. */
    static String soapRequest(String operation, String username, String password, Instant created) {
        String header = "";
        if (username != null) {
            byte[] nonce = new byte[16];
            RANDOM.nextBytes(nonce);
            String createdText = DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.SECONDS));
            header = "<s:Header><wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\""
                    + " xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
                    + "<wsse:UsernameToken><wsse:Username>" + username + "</wsse:Username>"
                    + "<wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">"
                    + UsernameToken.digest(nonce, createdText, password) + "</wsse:Password>"
                    + "<wsse:Nonce>" + Base64.getEncoder().encodeToString(nonce) + "</wsse:Nonce>"
                    + "<wsu:Created>" + createdText + "</wsu:Created></wsse:UsernameToken></wsse:Security></s:Header>";
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"" + SOAP_ENV + "\" xmlns:tds=\"" + TDS
                + "\">" + header + "<s:Body><tds:" + operation + "/></s:Body></s:Envelope>";
    }

    static HttpResponse<String> post(String url, String body, Duration timeout) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> soap(String ip, int port, String operation, String username, String password,
            Instant created) throws IOException, InterruptedException {
        return post("http://" + ip + ":" + port + "/onvif/device_service",
                soapRequest(operation, username, password, created), Duration.ofSeconds(10));
    }

    static HttpResponse<String> get(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String newMessageId() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    /** Parses like a hardened scanner: namespace-aware, no DTDs, no external entities. */
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String first(Document doc, String namespace, String localName) {
        NodeList nodes = doc.getElementsByTagNameNS(namespace, localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    static List<String> all(Document doc, String namespace, String localName) {
        NodeList nodes = doc.getElementsByTagNameNS(namespace, localName);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().trim());
        }
        return out;
    }

    /** The first element child of the SOAP Body. */
    static Element bodyChild(Document doc) {
        Node body = doc.getElementsByTagNameNS(SOAP_ENV, "Body").item(0);
        for (Node child = body.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                return element;
            }
        }
        throw new AssertionError("empty SOAP Body");
    }
}
