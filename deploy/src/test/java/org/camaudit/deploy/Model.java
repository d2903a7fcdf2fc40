package org.camaudit.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Turns YAML trees into fabric8 Kubernetes model objects, and finds the fields the model does not
 * know (fabric8 keeps unknown fields in {@code additionalProperties} instead of failing, so a typo
 * such as {@code readinesProbe} would otherwise pass unnoticed).
 */
final class Model {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Model() {
    }

    /** The typed object for a resource; custom resources (CloudNativePG) become GenericKubernetesResource. */
    static HasMetadata typed(Map<String, Object> resource) {
        KubernetesResource parsed = SERIALIZATION.unmarshal(SERIALIZATION.asJson(resource), KubernetesResource.class);
        if (!(parsed instanceof HasMetadata hasMetadata)) {
            throw new IllegalArgumentException("not a Kubernetes object: " + resource);
        }
        return hasMetadata;
    }

    static List<HasMetadata> typed(List<Map<String, Object>> resources) {
        return resources.stream().map(Model::typed).toList();
    }

    /** Paths of fields the Kubernetes model does not define, e.g. {@code spec.template.spec.containers[0].readinesProbe}. */
    static List<String> unknownFields(HasMetadata resource) {
        List<String> unknown = new ArrayList<>();
        if (!(resource instanceof GenericKubernetesResource)) {
            walk(resource, resource.getKind() + "/" + resource.getMetadata().getName(), unknown);
        }
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                walk(element, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, unknown));
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(getter + " failed", e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + " has unknown field(s) " + extra.keySet());
                }
            } else if (!getter.getName().equals("getApiVersion") && !getter.getName().equals("getKind")) {
                String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                walk(child, path + "." + property, unknown);
            }
        }
    }
}
