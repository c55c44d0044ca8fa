package org.tierslieux.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads every manifest of {@code deploy/k8s} and checks what Kubernetes would only find out once deployed: the
 * references between them (names, labels, ports, secrets, probes). The base is checked as written; with
 * {@code kubectl} on the PATH, each overlay is also rendered by its built-in kustomize and checked the same way.
 */
class KubernetesManifestsTest {

    static final Path K8S = Path.of("k8s");
    static final Path REALM_EXPORT = Path.of("keycloak", "tierslieux-realm.json");

    /** Secrets made outside these manifests: TLS certificates (cert-manager or the operator's own). */
    static final Set<String> PROVIDED_OUTSIDE = Set.of("tierslieux-tls", "keycloak-tls");

    @Test
    void every_kustomization_names_files_that_exist() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            List<Path> kustomizations = files.filter(
                            f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .toList();
            assertThat(kustomizations).hasSize(3);
            for (Path kustomization : kustomizations) {
                Map<String, Object> k = single(kustomization);
                Path dir = kustomization.getParent();
                for (String resource : strings(k.get("resources"))) {
                    Path target = dir.resolve(resource).normalize();
                    assertThat(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")))
                            .as(kustomization + " names " + resource)
                            .isTrue();
                }
                for (Map<String, Object> patch : maps(k.get("patches"))) {
                    if (patch.get("path") != null) {
                        assertThat(dir.resolve((String) patch.get("path")))
                                .as(kustomization + " patch")
                                .isRegularFile();
                    }
                }
            }
        }
    }

    @Test
    void the_base_holds_together() {
        checkReferences("base", base());
    }

    @Test
    void each_overlay_rendered_by_kustomize_holds_together() throws Exception {
        Assumptions.assumeTrue(kubectl().isPresent(), "kubectl is not on the PATH: overlays not rendered");
        for (String overlay : List.of("staging", "production")) {
            List<Map<String, Object>> rendered =
                    kustomize(K8S.resolve("overlays").resolve(overlay));
            checkReferences(overlay, rendered);
            String namespace = "production".equals(overlay) ? "tierslieux" : "tierslieux-staging";
            assertThat(rendered)
                    .as(overlay + ": everything in one namespace")
                    .allSatisfy(doc -> assertThat((Object) path(doc, "metadata", "namespace"))
                            .isEqualTo(namespace));
        }
    }

    @Test
    void the_realm_import_imports_the_realm_of_deploy_keycloak() throws IOException {
        Map<String, Object> realmImport = one(base(), "KeycloakRealmImport", "tierslieux-realm");
        Map<String, Object> keycloak = one(base(), "Keycloak", "tierslieux-keycloak");
        assertThat((Object) path(realmImport, "spec", "keycloakCRName")).isEqualTo(name(keycloak));
        assertThat((Object) path(realmImport, "spec", "realm", "realm")).isEqualTo("tierslieux");
        assertThat((String) path(configMap(base()), "data", "QUARKUS_OIDC_AUTH_SERVER_URL"))
                .endsWith("/realms/tierslieux");
        if (Files.isRegularFile(REALM_EXPORT)) {
            // the realm export (JSON is YAML) and the import must be the same realm: run k8s/realm-import.sh
            Map<String, Object> export = single(REALM_EXPORT);
            assertThat((Object) path(realmImport, "spec", "realm"))
                    .as("spec.realm of base/keycloak-realm-import.yaml: run deploy/k8s/realm-import.sh")
                    .isEqualTo(export);
        }
    }

    /** Every reference between the documents of one rendering. */
    @SuppressWarnings("unchecked")
    private static void checkReferences(String where, List<Map<String, Object>> docs) {
        Map<String, Object> deployment = one(docs, "Deployment", "tierslieux");
        Map<String, Object> pod = path(deployment, "spec", "template");
        Map<String, Object> podLabels = path(pod, "metadata", "labels");
        assertThat(podLabels)
                .as(where + ": the Deployment's selector matches its pods")
                .containsAllEntriesOf(path(deployment, "spec", "selector", "matchLabels"));
        List<Map<String, Object>> containers = maps(path(pod, "spec", "containers"));
        assertThat(containers).hasSize(1);
        Map<String, Object> container = containers.get(0);
        List<Map<String, Object>> containerPorts = maps(container.get("ports"));

        // Service → pods and their port
        Map<String, Object> service = one(docs, "Service", "tierslieux");
        assertThat(podLabels)
                .as(where + ": the Service selects the Deployment's pods")
                .containsAllEntriesOf(path(service, "spec", "selector"));
        List<Map<String, Object>> servicePorts = maps(path(service, "spec", "ports"));
        for (Map<String, Object> port : servicePorts) {
            assertThat(matchesContainerPort(port.get("targetPort"), containerPorts))
                    .as(where + ": Service targetPort " + port.get("targetPort"))
                    .isTrue();
        }

        // Ingress → Service and one of its ports
        for (Map<String, Object> ingress : all(docs, "Ingress")) {
            for (Map<String, Object> rule : maps(path(ingress, "spec", "rules"))) {
                for (Map<String, Object> httpPath : maps(path(rule, "http", "paths"))) {
                    Map<String, Object> backend = path(httpPath, "backend", "service");
                    Map<String, Object> target = one(docs, "Service", (String) backend.get("name"));
                    Map<String, Object> port = path(backend, "port");
                    assertThat(maps(path(target, "spec", "ports")))
                            .as(where + ": Ingress backend port " + port)
                            .anyMatch(p -> Objects.equals(p.get("name"), port.get("name")) && port.get("name") != null
                                    || Objects.equals(p.get("port"), port.get("number")) && port.get("number") != null);
                }
            }
            for (Map<String, Object> tls : maps(path(ingress, "spec", "tls"))) {
                assertThat(PROVIDED_OUTSIDE).contains((String) tls.get("secretName"));
            }
        }

        // probes on the health paths and the container's port
        Map<String, String> health = Map.of(
                "readinessProbe", "/q/health/ready",
                "livenessProbe", "/q/health/live",
                "startupProbe", "/q/health/started");
        assertThat(container).containsKeys("readinessProbe", "livenessProbe");
        health.forEach((probe, expected) -> {
            if (container.containsKey(probe)) {
                Map<String, Object> get = path(container, probe, "httpGet");
                assertThat(get.get("path")).as(where + ": " + probe).isEqualTo(expected);
                assertThat(matchesContainerPort(get.get("port"), containerPorts))
                        .as(where + ": " + probe + " port")
                        .isTrue();
            }
        });
        assertThat((Map<String, Object>) path(container, "resources", "requests"))
                .as("resources")
                .containsKeys("cpu", "memory");
        assertThat((Map<String, Object>) path(container, "resources", "limits")).containsKey("memory");

        // every Secret and ConfigMap the pod reads exists, or is one that CloudNativePG generates
        Set<String> secrets = names(docs, "Secret");
        for (Map<String, Object> cluster : all(docs, "Cluster")) {
            secrets.add(name(cluster) + "-app"); // CloudNativePG: the owner's credentials
        }
        secrets.addAll(PROVIDED_OUTSIDE);
        Set<String> configMaps = names(docs, "ConfigMap");
        for (Map<String, Object> from : maps(container.get("envFrom"))) {
            if (from.containsKey("configMapRef")) {
                assertThat(configMaps).contains((String) path(from, "configMapRef", "name"));
            }
            if (from.containsKey("secretRef")) {
                assertThat(secrets).contains((String) path(from, "secretRef", "name"));
            }
        }
        for (Map<String, Object> env : maps(container.get("env"))) {
            Map<String, Object> valueFrom = path(env, "valueFrom");
            if (valueFrom != null && valueFrom.containsKey("secretKeyRef")) {
                assertThat(secrets).as(where + ": secret of " + env.get("name")).contains((String)
                        path(valueFrom, "secretKeyRef", "name"));
            }
            if (valueFrom != null && valueFrom.containsKey("configMapKeyRef")) {
                assertThat(configMaps).contains((String) path(valueFrom, "configMapKeyRef", "name"));
            }
        }

        // the application's database: the primary's service of a CloudNativePG cluster, and its roles
        Map<String, Object> config = configMap(docs);
        String jdbc = (String) path(config, "data", "QUARKUS_DATASOURCE_JDBC_URL");
        Map<String, Object> database = all(docs, "Cluster").stream()
                .filter(c -> jdbc.startsWith("jdbc:postgresql://" + name(c) + "-rw:5432/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(where + ": " + jdbc + " is no CloudNativePG cluster's -rw"));
        assertThat(jdbc).endsWith("/" + path(database, "spec", "bootstrap", "initdb", "database"));
        assertThat((Integer) path(database, "spec", "instances"))
                .as("a primary and a replica")
                .isGreaterThanOrEqualTo(2);
        Map<String, Object> appRole = maps(path(database, "spec", "managed", "roles")).stream()
                .filter(r -> r.get("name").equals(path(config, "data", "QUARKUS_DATASOURCE_USERNAME")))
                .findFirst()
                .orElseThrow();
        assertThat(appRole).containsEntry("bypassrls", false).containsEntry("superuser", false);
        assertThat(secrets).contains((String) path(appRole, "passwordSecret", "name"));
        assertThat(container.get("env").toString()).contains(path(appRole, "passwordSecret", "name") + "");
        for (Map<String, Object> cluster : all(docs, "Cluster")) {
            Map<String, Object> barman = path(cluster, "spec", "backup", "barmanObjectStore");
            if (barman != null) {
                assertThat(secrets).contains((String) path(barman, "s3Credentials", "accessKeyId", "name"));
                assertThat(secrets).contains((String) path(barman, "s3Credentials", "secretAccessKey", "name"));
            }
        }
        for (Map<String, Object> backup : all(docs, "ScheduledBackup")) {
            assertThat(names(docs, "Cluster")).contains((String) path(backup, "spec", "cluster", "name"));
        }

        // Keycloak: its database is a CloudNativePG cluster whose generated secret it reads
        for (Map<String, Object> keycloak : all(docs, "Keycloak")) {
            String host = (String) path(keycloak, "spec", "db", "host");
            assertThat(names(docs, "Cluster")).contains(host.replaceFirst("-rw$", ""));
            assertThat(secrets).contains((String) path(keycloak, "spec", "db", "usernameSecret", "name"));
            assertThat(secrets).contains((String) path(keycloak, "spec", "db", "passwordSecret", "name"));
            assertThat(secrets).contains((String) path(keycloak, "spec", "http", "tlsSecret"));
            String hostname = (String) path(keycloak, "spec", "hostname", "hostname");
            assertThat((String) path(config, "data", "QUARKUS_OIDC_AUTH_SERVER_URL"))
                    .as(where + ": the application asks the Keycloak of these manifests")
                    .startsWith("https://" + hostname + "/");
        }

        // the autoscaler and the disruption budget act on the Deployment
        Map<String, Object> hpa = one(docs, "HorizontalPodAutoscaler", "tierslieux");
        assertThat((Object) path(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
        assertThat((Object) path(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(name(deployment));
        assertThat((Integer) path(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> pdb = one(docs, "PodDisruptionBudget", "tierslieux");
        assertThat(podLabels).containsAllEntriesOf(path(pdb, "spec", "selector", "matchLabels"));
        assertThat((Integer) path(pdb, "spec", "minAvailable")).isLessThan((Integer) path(hpa, "spec", "minReplicas"));

        // production profile: what the production guard will look for is there
        assertThat((Map<String, Object>) path(config, "data"))
                .containsEntry("QUARKUS_PROFILE", "prod")
                .containsKeys("TL_IDENTITY_MODE", "QUARKUS_DATASOURCE_USERNAME", "TL_PUBLIC_URL");
        assertThat((Map<String, Object>) path(one(docs, "Secret", "tierslieux-secrets"), "stringData"))
                .containsKey("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
    }

    private static boolean matchesContainerPort(Object port, List<Map<String, Object>> containerPorts) {
        return containerPorts.stream()
                .anyMatch(p -> port instanceof String name
                        ? name.equals(p.get("name"))
                        : Objects.equals(port, p.get("containerPort")));
    }

    // --- reading

    private static List<Map<String, Object>> base() {
        Map<String, Object> kustomization = single(K8S.resolve("base/kustomization.yaml"));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (String resource : strings(kustomization.get("resources"))) {
            docs.addAll(documents(K8S.resolve("base").resolve(resource)));
        }
        return docs;
    }

    private static Optional<String> kubectl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static List<Map<String, Object>> kustomize(Path overlay) throws Exception {
        Process process = new ProcessBuilder(kubectl().orElseThrow(), "kustomize", overlay.toString())
                .redirectErrorStream(true)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue())
                .as("kubectl kustomize " + overlay + ":\n" + text)
                .isZero();
        return parse(text);
    }

    static List<Map<String, Object>> documents(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(String text) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (doc != null) {
                docs.add((Map<String, Object>) doc);
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> single(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> all(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static Map<String, Object> one(List<Map<String, Object>> docs, String kind, String name) {
        List<Map<String, Object>> found =
                all(docs, kind).stream().filter(d -> name.equals(name(d))).toList();
        assertThat(found).as(kind + " " + name).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> configMap(List<Map<String, Object>> docs) {
        return one(docs, "ConfigMap", "tierslieux-config");
    }

    private static Set<String> names(List<Map<String, Object>> docs, String kind) {
        Set<String> names = new HashSet<>();
        all(docs, kind).forEach(d -> names.add(name(d)));
        return names;
    }

    private static String name(Map<String, Object> doc) {
        return path(doc, "metadata", "name");
    }

    @SuppressWarnings("unchecked")
    private static <T> T path(Map<String, Object> doc, String... keys) {
        Object current = doc;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return (T) current;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return list == null ? List.of() : (List<String>) list;
    }
}
