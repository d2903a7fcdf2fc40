package org.camaudit.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.camaudit.common.security.Account;
import org.camaudit.common.security.Roles;

class AccountTest {

    @Test
    void shouldParseEntriesWithSeveralRoles() {
        var accounts = Account.parse("ana:pw:viewer , ops:p:w:facilities|auditor");
        assertThat(accounts).containsOnlyKeys("ana", "ops");
        assertThat(accounts.get("ops").roles()).containsExactlyInAnyOrder(Roles.FACILITIES, Roles.AUDITOR);
        assertThat(accounts.get("ops").accepts("p:w")).isTrue();
        assertThat(accounts.get("ops").accepts("p")).isFalse();
    }

    @Test
    void shouldRejectUnknownRolesWithoutPrintingThePassword() {
        assertThatThrownBy(() -> Account.parse("ana:topsecret:superuser"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("superuser")
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void shouldRejectMalformedAndDuplicateEntries() {
        assertThatThrownBy(() -> Account.parse("ana-viewer")).hasMessageContaining("entry 1");
        assertThatThrownBy(() -> Account.parse("ana::viewer")).hasMessageContaining("empty password");
        assertThatThrownBy(() -> Account.parse("a:x:viewer,a:y:admin")).hasMessageContaining("already defined");
    }

    @Test
    void shouldExpandImpliedRoles() {
        assertThat(Roles.expand(Set.of(Roles.ADMIN))).containsExactlyInAnyOrderElementsOf(Roles.ALL);
        assertThat(Roles.expand(Set.of(Roles.AUDITOR))).containsExactlyInAnyOrder(Roles.AUDITOR, Roles.VIEWER);
        assertThat(Roles.expand(Set.of(Roles.SCANNER))).containsExactly(Roles.SCANNER);
    }
}
