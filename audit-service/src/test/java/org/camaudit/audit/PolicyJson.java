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

    /** The document with {@code edit} applied to its root object. */
    public static String editRoot(String policy, Consumer<ObjectNode> edit) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(policy);
            edit.accept(root);
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
