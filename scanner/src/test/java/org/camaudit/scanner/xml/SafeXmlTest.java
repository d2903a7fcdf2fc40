package org.camaudit.scanner.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SafeXmlTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldRefuseExternalEntityPointingAtLocalFile() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        assertThatThrownBy(() -> SafeXml.parse(bytes(xxe), 1 << 20)).isInstanceOf(XmlRejectedException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void shouldRefuseEntityExpansionBombs() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                + "<lolz>&lol2;</lolz>";
        assertThatThrownBy(() -> SafeXml.parse(bytes(bomb), 1 << 20)).isInstanceOf(XmlRejectedException.class);
    }

    @Test
    void shouldRefuseParameterEntitiesAndExternalDtds() {
        String dtd = "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"http://127.0.0.1:1/evil.dtd\"><r/>";
        assertThatThrownBy(() -> SafeXml.parse(bytes(dtd), 1 << 20)).isInstanceOf(XmlRejectedException.class);
    }

    @Test
    void shouldRefuseOversizedDocumentsBeforeParsing() {
        byte[] big = bytes("<r>" + "a".repeat(2000) + "</r>");
        assertThatThrownBy(() -> SafeXml.parse(big, 1000)).isInstanceOf(XmlRejectedException.class)
                .hasMessageContaining("cap");
    }

    @Test
    void shouldRefuseMalformedAndEmptyInput() {
        assertThatThrownBy(() -> SafeXml.parse(bytes("<a><b></a>"), 1000)).isInstanceOf(XmlRejectedException.class);
        assertThatThrownBy(() -> SafeXml.parse(new byte[0], 1000)).isInstanceOf(XmlRejectedException.class);
    }

    @Test
    void shouldParseNamespacedSoap() throws XmlRejectedException {
        Document document = SafeXml.parse(bytes("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">"
                + "<s:Body><x:Hello xmlns:x=\"urn:x\">hi</x:Hello></s:Body></s:Envelope>"), 1000);
        assertThat(Soap.payload(document)).get().extracting(e -> e.getLocalName()).isEqualTo("Hello");
    }
}
