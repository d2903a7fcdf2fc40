package org.camaudit.scanner.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camaudit.scanner.target.Addresses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * The accounts to try, from a JSON array of {@code {"cidr","username","password"}}. For an address,
 * the first entry whose CIDR holds it is the only one tried.
 */
public final class CredentialStore {

    private record Entry(IPAddress block, Credential credential) {
    }

    private final List<Entry> entries;

    private CredentialStore(List<Entry> entries) {
        this.entries = entries;
    }

    public static CredentialStore empty() {
        return new CredentialStore(List.of());
    }

    /**
     * Reads a credentials file.
     *
     * @throws IllegalArgumentException with a message fit for the user (it never contains a password)
     */
    public static CredentialStore read(Path file) {
        JsonNode root;
        try {
            if (Files.size(file) > 1024 * 1024) {
                throw new IllegalArgumentException("credentials file " + file + " is larger than 1 MiB");
            }
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read credentials file " + file + " (expected a JSON array)");
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("credentials file " + file + " must hold a JSON array");
        }
        List<Entry> entries = new ArrayList<>();
        int position = 0;
        for (JsonNode node : root) {
            position++;
            String cidr = node.path("cidr").asText("");
            String username = node.path("username").asText("");
            String password = node.path("password").asText("");
            IPAddress block = new IPAddressString(cidr).getAddress();
            if (block == null || !block.isIPv4()) {
                throw new IllegalArgumentException("credentials file entry " + position + ": invalid cidr '" + cidr + "'");
            }
            if (username.isEmpty()) {
                throw new IllegalArgumentException("credentials file entry " + position + ": username is missing");
            }
            entries.add(new Entry(block.toPrefixBlock(), new Credential(cidr, username, password)));
        }
        return new CredentialStore(List.copyOf(entries));
    }

    public Optional<Credential> forAddress(String ip) {
        IPAddress address = new IPAddressString(ip).getAddress();
        if (address == null) {
            return Optional.empty();
        }
        return entries.stream().filter(e -> e.block().contains(address)).map(Entry::credential).findFirst();
    }

    public Optional<Credential> forAddress(int ip) {
        return forAddress(Addresses.format(ip));
    }

    public int size() {
        return entries.size();
    }
}
