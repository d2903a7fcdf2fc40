package org.camaudit.scanner.credentials;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One account from the credentials file. Its password never appears in logs or output. */
@RegisterForReflection
public record Credential(String cidr, String username, String password) {

    @Override
    public String toString() {
        return "Credential[cidr=" + cidr + ", username=" + username + ", password=***]";
    }
}
