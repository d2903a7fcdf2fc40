package org.camaudit.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Builds a kustomization the way {@code kustomize build} does, for the subset of kustomize that
 * camaudit's manifests use: {@code resources} (files and directories), {@code namespace},
 * {@code labels} (with {@code includeTemplates}), {@code images}, {@code replicas} and
 * {@code patches} given by {@code path} (strategic merge for built-in kinds, JSON merge patch for
 * custom resources). Any other field is refused, so a manifest cannot silently rely on a feature
 * this renderer does not apply. Resources come out as plain YAML trees.
 */
final class Kustomization {

    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "labels",
            "images", "replicas", "patches");

    /** Kinds whose patches kustomize applies as strategic merge; other kinds get JSON merge patch. */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("v1", "apps/v1", "batch/v1", "networking.k8s.io/v1",
            "policy/v1");

    /** Kinds the {@code replicas} field scales. */
    private static final Set<String> SCALABLE_KINDS = Set.of("Deployment", "ReplicaSet", "StatefulSet", "ReplicationController");

    private Kustomization() {
    }

    /** The resources {@code kustomize build dir} would print, in input order. */
    static List<Map<String, Object>> build(Path dir) {
        Map<String, Object> kustomization = readSingle(dir.resolve("kustomization.yaml"));
        for (String field : kustomization.keySet()) {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new IllegalArgumentException(dir + "/kustomization.yaml uses '" + field + "', which this renderer does not apply");
            }
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : list(kustomization.get("resources"))) {
            Path path = dir.resolve((String) entry).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(build(path));
            } else {
                resources.addAll(readAll(path));
            }
        }
        for (Object entry : list(kustomization.get("patches"))) {
            Map<String, Object> patchRef = map(entry);
            if (patchRef.keySet().stream().anyMatch(k -> !k.equals("path"))) {
                throw new IllegalArgumentException("only 'path' patches are supported: " + patchRef);
            }
            for (Map<String, Object> patch : readAll(dir.resolve((String) patchRef.get("path")))) {
                Map<String, Object> target = find(resources, (String) patch.get("kind"), name(patch));
                boolean strategic = BUILT_IN_GROUPS.contains((String) patch.get("apiVersion"));
                merge(target, patch, strategic);
            }
        }
        for (Object entry : list(kustomization.get("replicas"))) {
            Map<String, Object> replica = map(entry);
            Map<String, Object> target = resources.stream()
                    .filter(r -> SCALABLE_KINDS.contains(r.get("kind")) && replica.get("name").equals(name(r)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no workload named " + replica.get("name")));
            map(target.get("spec")).put("replicas", replica.get("count"));
        }
        for (Object entry : list(kustomization.get("images"))) {
            Map<String, Object> image = map(entry);
            for (Map<String, Object> resource : resources) {
                for (Map<String, Object> container : containers(resource)) {
                    container.put("image", retag((String) container.get("image"), image));
                }
            }
        }
        for (Object entry : list(kustomization.get("labels"))) {
            Map<String, Object> labels = map(entry);
            if (Boolean.TRUE.equals(labels.get("includeSelectors"))) {
                throw new IllegalArgumentException("labels.includeSelectors is not supported");
            }
            Map<String, Object> pairs = map(labels.get("pairs"));
            for (Map<String, Object> resource : resources) {
                child(map(resource.get("metadata")), "labels").putAll(pairs);
                if (Boolean.TRUE.equals(labels.get("includeTemplates"))) {
                    for (Map<String, Object> template : podTemplates(resource)) {
                        child(child(template, "metadata"), "labels").putAll(pairs);
                    }
                    Map<String, Object> jobTemplate = jobTemplate(resource);
                    if (jobTemplate != null) {
                        child(child(jobTemplate, "metadata"), "labels").putAll(pairs);
                    }
                }
            }
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            for (Map<String, Object> resource : resources) {
                map(resource.get("metadata")).put("namespace", namespace);
            }
        }
        return resources;
    }

    /** Every document of a YAML file, skipping empty ones. */
    static List<Map<String, Object>> readAll(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try {
            for (Object document : yaml().loadAll(Files.readString(file))) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static Map<String, Object> readSingle(Path file) {
        List<Map<String, Object>> documents = readAll(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " should hold one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }

    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    /**
     * Merges {@code patch} into {@code target}: maps recursively, a {@code null} value deletes the key.
     * With {@code strategic}, lists whose entries all carry a {@code name} are merged entry by entry
     * on that key (containers, env, volumes, volumeMounts, ports), as the strategic-merge keys of
     * those Kubernetes fields do; every other list is replaced, as in JSON merge patch.
     */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch, boolean strategic) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            Object current = target.get(key);
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map && current instanceof Map) {
                merge((Map<String, Object>) current, (Map<String, Object>) value, strategic);
            } else if (strategic && value instanceof List && current instanceof List && namedEntries((List<?>) value)
                    && namedEntries((List<?>) current)) {
                mergeByName((List<Object>) current, (List<Object>) value);
            } else {
                target.put(key, value);
            }
        }
    }

    private static void mergeByName(List<Object> current, List<Object> patch) {
        for (Object patchEntry : patch) {
            Map<String, Object> patchMap = map(patchEntry);
            Map<String, Object> existing = null;
            for (Object currentEntry : current) {
                if (Objects.equals(map(currentEntry).get("name"), patchMap.get("name"))) {
                    existing = map(currentEntry);
                }
            }
            if (existing == null) {
                current.add(patchMap);
            } else {
                merge(existing, patchMap, true);
            }
        }
    }

    private static boolean namedEntries(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(e -> e instanceof Map && ((Map<?, ?>) e).get("name") instanceof String);
    }

    private static String retag(String image, Map<String, Object> rule) {
        String name = image;
        int at = image.indexOf('@');
        int colon = image.lastIndexOf(':');
        if (at >= 0) {
            name = image.substring(0, at);
        } else if (colon > image.lastIndexOf('/')) {
            name = image.substring(0, colon);
        }
        if (!name.equals(rule.get("name"))) {
            return image;
        }
        String newName = rule.containsKey("newName") ? (String) rule.get("newName") : name;
        if (rule.containsKey("digest")) {
            return newName + "@" + rule.get("digest");
        }
        if (rule.containsKey("newTag")) {
            return newName + ":" + rule.get("newTag");
        }
        return newName + image.substring(name.length());
    }

    /** The pod templates of a workload (Deployment, Job and CronJob). */
    static List<Map<String, Object>> podTemplates(Map<String, Object> resource) {
        List<Map<String, Object>> templates = new ArrayList<>();
        switch (String.valueOf(resource.get("kind"))) {
            case "Deployment", "StatefulSet", "DaemonSet", "Job" -> templates.add(map(map(resource.get("spec")).get("template")));
            case "CronJob" -> templates.add(map(map(map(map(resource.get("spec")).get("jobTemplate")).get("spec")).get("template")));
            default -> {
            }
        }
        return templates;
    }

    private static Map<String, Object> jobTemplate(Map<String, Object> resource) {
        return "CronJob".equals(resource.get("kind")) ? map(map(resource.get("spec")).get("jobTemplate")) : null;
    }

    /** Containers and init containers of a workload. */
    static List<Map<String, Object>> containers(Map<String, Object> resource) {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Map<String, Object> template : podTemplates(resource)) {
            Map<String, Object> podSpec = map(template.get("spec"));
            for (String field : List.of("initContainers", "containers")) {
                for (Object container : list(podSpec.get(field))) {
                    containers.add(map(container));
                }
            }
        }
        return containers;
    }

    private static Map<String, Object> find(List<Map<String, Object>> resources, String kind, String name) {
        List<Map<String, Object>> matches = resources.stream()
                .filter(r -> kind.equals(r.get("kind")) && name.equals(name(r)))
                .toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException("expected one " + kind + " named " + name + ", found " + matches.size());
        }
        return matches.get(0);
    }

    static String name(Map<String, Object> resource) {
        return (String) map(resource.get("metadata")).get("name");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a mapping, found " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw new IllegalArgumentException("expected a list, found " + value);
        }
        return (List<Object>) value;
    }

    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            Map<String, Object> created = new LinkedHashMap<>();
            parent.put(key, created);
            return created;
        }
        return map(value);
    }
}
