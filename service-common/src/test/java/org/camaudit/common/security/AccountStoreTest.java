package org.camaudit.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;

class AccountStoreTest {

    private final List<String> checkedHashes = new ArrayList<>();
    private final AccountStore.HashCheck counting = (password, hash) -> {
        checkedHashes.add(hash);
        return BcryptUtil.matches(password, hash);
    };
    private final LoginThrottle throttle = new LoginThrottle(LoginThrottleTest.config(100), new AtomicLong()::get);

    private AccountStore store() {
        String hash = BcryptUtil.bcryptHash("s3cret", 6);
        return new AccountStore(Account.parse("ana:{bcrypt}" + hash + ":viewer,plain:pw:viewer"), counting, throttle);
    }

    @Test
    void shouldPayTheSameBcryptCostForAnUnknownAccountAsForAWrongPassword() {
        AccountStore store = store();
        assertThat(store.authenticate("ana", "wrong")).isEmpty();
        assertThat(store.authenticate("nobody", "wrong")).isEmpty();
        assertThat(checkedHashes).hasSize(2);
        assertThat(AccountStore.cost(checkedHashes.get(1))).isEqualTo(AccountStore.cost(checkedHashes.get(0))).isEqualTo(6);
        assertThat(checkedHashes.get(1)).isNotEqualTo(checkedHashes.get(0));
    }

    @Test
    void shouldRefuseAThrottledLoginWithoutCheckingItsPassword() {
        AccountStore store = store();
        for (int i = 0; i < 6; i++) {
            assertThat(store.login("ana", "wrong", "10.0.0.1")).isEmpty();
        }
        checkedHashes.clear();
        assertThatThrownBy(() -> store.login("ana", "s3cret", "10.0.0.1"))
                .isInstanceOf(LoginThrottledException.class);
        assertThat(checkedHashes).isEmpty();
        assertThat(store.login("ana", "s3cret", "10.0.0.2")).isPresent();
    }

    @Test
    void shouldThrottleNamesThatAreNoAccountLikeRealOnes() {
        AccountStore store = store();
        for (int i = 0; i < 6; i++) {
            store.login("nobody", "wrong", "10.0.0.1");
        }
        assertThatThrownBy(() -> store.login("nobody", "wrong", "10.0.0.1"))
                .isInstanceOf(LoginThrottledException.class);
    }
}
