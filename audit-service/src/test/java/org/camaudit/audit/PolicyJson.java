package org.camaudit.audit;

import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Edits a policy document as a JSON tree, for tests that need a variant of the default policy. */
public final class PolicyJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyJson() {
    }

    /** The document with {@code edit} applied to the named vendor's object. */
    public static String edit(String policy, String vendor, Consumer<ObjectNode> edit) {
        return editRoot(policy, root -> {
            for (JsonNode v : root.withArray("vendors")) {
                if (vendor.equals(v.path("name").asText())) {
                    edit.accept((ObjectNode) v);
                }
            }
        });
    }

    /** The position in {@code policy}'s array {@code array} of the element whose {@code id} is {@code id}. */
    public static int indexOf(String policy, String array, String id) {
        JsonNode elements = read(policy).path(array);
        for (int i = 0; i < elements.size(); i++) {
            if (id.equals(elements.get(i).path("id").asText())) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + array + " element with id " + id);
    }

    /** The number of entries of the named vendor's array {@code array}. */
    public static int size(String policy, String vendor, String array) {
        for (JsonNode v : read(policy).path("vendors")) {
            if (vendor.equals(v.path("name").asText())) {
                return v.path(array).size();
            }
        }
        throw new IllegalArgumentException("no vendor " + vendor);
    }

    private static JsonNode read(String policy) {
        try {
            return JSON.readTree(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document with {@code edit} applied to its root object. */
    public static String editRoot(String policy, Consumer<ObjectNode> edit) {
        try {
            ObjectNode root = (ObjectNode) read(policy);
            edit.accept(root);
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
