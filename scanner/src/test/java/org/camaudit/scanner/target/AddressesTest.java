package org.camaudit.scanner.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dotted-quad check that discovery replies and --interface share. */
class AddressesTest {

    @Test
    void shouldAcceptOnlyFourDottedGroupsOfDigitsAsAnAddress() {
        assertThat(Addresses.isDottedQuad("192.168.1.64")).isTrue();
        assertThat(Addresses.isDottedQuad("192.168.1")).isFalse();
        assertThat(Addresses.isDottedQuad("192.168.1.64 ")).isFalse();
        assertThat(Addresses.isDottedQuad("fe80::1")).isFalse();
        assertThat(Addresses.isDottedQuad("1234.1.1.1")).isFalse();
    }
}
