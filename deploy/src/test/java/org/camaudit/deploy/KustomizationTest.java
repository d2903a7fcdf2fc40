package org.camaudit.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer behaves like kustomize for the features the manifests use, and refuses the rest. */
class KustomizationTest {

    @TempDir
    Path dir;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                    - name: web
                      image: example/web
                      env:
                        - name: A
                          value: "1"
                    - name: sidecar
                      image: example/sidecar:1.0
            """;

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void shouldMergeContainersByNameAndApplyImagesReplicasNamespaceAndLabels() throws IOException {
        write("base/kustomization.yaml", "resources: [web.yaml]\n");
        write("base/web.yaml", DEPLOYMENT);
        write("overlay/kustomization.yaml", """
                namespace: shop
                resources: [../base]
                labels:
                  - pairs: {team: a}
                    includeTemplates: true
                replicas:
                  - name: web
                    count: 3
                images:
                  - name: example/web
                    newTag: "2.1"
                  - name: example/sidecar
                    newName: mirror/sidecar
                patches:
                  - path: patch.yaml
                """);
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          env:
                            - name: B
                              value: "2"
                """);

        Map<String, Object> web = Kustomization.build(dir.resolve("overlay")).get(0);

        assertThat(Kustomization.map(web.get("metadata"))).containsEntry("namespace", "shop").containsEntry("labels", Map.of("team", "a"));
        Map<String, Object> spec = Kustomization.map(web.get("spec"));
        assertThat(spec).containsEntry("replicas", 3);
        assertThat(Kustomization.map(Kustomization.map(spec.get("template")).get("metadata"))).containsEntry("labels", Map.of("team", "a"));
        List<Map<String, Object>> containers = Kustomization.containers(web);
        assertThat(containers).extracting(c -> c.get("image")).containsExactly("example/web:2.1", "mirror/sidecar:1.0");
        assertThat(Kustomization.list(containers.get(0).get("env"))).containsExactly(Map.of("name", "A", "value", "1"),
                Map.of("name", "B", "value", "2"));
    }

    @Test
    void shouldReplaceListsOfCustomResourcesAsJsonMergePatchDoes() {
        Map<String, Object> target = new LinkedHashMap<>(Map.of("spec", new LinkedHashMap<>(Map.of(
                "plugins", List.of(Map.of("name", "a", "x", 1)), "instances", 3))));
        Kustomization.merge(target, Map.of("spec", Map.of("plugins", List.of(Map.of("name", "b")))), false);
        assertThat(Kustomization.map(target.get("spec"))).containsEntry("plugins", List.of(Map.of("name", "b")))
                .containsEntry("instances", 3);
    }

    @Test
    void shouldDeleteKeysPatchedWithNull() {
        Map<String, Object> target = new LinkedHashMap<>(Map.of("a", 1, "b", 2));
        HashMap<String, Object> patch = new HashMap<>();
        patch.put("a", null);
        Kustomization.merge(target, patch, true);
        assertThat(target).containsOnlyKeys("b");
    }

    @Test
    void shouldRefuseKustomizeFeaturesItDoesNotApply() throws IOException {
        write("k/kustomization.yaml", "resources: [web.yaml]\nnamePrefix: x-\n");
        write("k/web.yaml", DEPLOYMENT);
        assertThatThrownBy(() -> Kustomization.build(dir.resolve("k"))).hasMessageContaining("namePrefix");
    }

    @Test
    void shouldRefusePatchesForResourcesThatDoNotExist() throws IOException {
        write("k/kustomization.yaml", "resources: [web.yaml]\npatches:\n  - path: p.yaml\n");
        write("k/web.yaml", DEPLOYMENT);
        write("k/p.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n");
        assertThatThrownBy(() -> Kustomization.build(dir.resolve("k"))).hasMessageContaining("Deployment named api");
    }
}
