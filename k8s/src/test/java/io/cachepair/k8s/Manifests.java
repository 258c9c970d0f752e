package io.cachepair.k8s;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.yaml.snakeyaml.Yaml;

/**
 * The documents of one rendered overlay, each parsed into the model class of the
 * Kubernetes 1.32 API ({@code client-java-api} 24.0.0). Parsing rejects a field the
 * schema does not define and a missing required field, naming it.
 *
 * @param documents the documents in rendering order
 */
record Manifests(List<Document> documents) {

	private static final Map<String, Parser> PARSERS = Map.of("v1/Namespace", V1Namespace::fromJson, "v1/ConfigMap",
			V1ConfigMap::fromJson, "v1/Secret", V1Secret::fromJson, "v1/Service", V1Service::fromJson,
			"apps/v1/Deployment", V1Deployment::fromJson, "apps/v1/StatefulSet", V1StatefulSet::fromJson,
			"policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::fromJson, "autoscaling/v2/HorizontalPodAutoscaler",
			V2HorizontalPodAutoscaler::fromJson, "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy::fromJson);

	/**
	 * Parses multi-document YAML, as {@code kubectl kustomize} prints it.
	 * @param yaml the rendered documents
	 * @return the parsed manifests
	 * @throws IllegalArgumentException if a document has an unsupported kind or does not
	 * match the schema
	 */
	static Manifests parse(String yaml) {
		List<Document> documents = new ArrayList<>();
		Gson gson = new Gson();
		for (Object document : new Yaml().loadAll(yaml)) {
			if (document instanceof Map<?, ?> map) {
				documents.add(toDocument(gson.toJson(map), map));
			}
		}
		return new Manifests(List.copyOf(documents));
	}

	private static Document toDocument(String json, Map<?, ?> map) {
		String type = map.get("apiVersion") + "/" + map.get("kind");
		Parser parser = PARSERS.get(type);
		if (parser == null) {
			throw new IllegalArgumentException(type + " is not a kind these checks know; add it to Manifests.PARSERS");
		}
		try {
			return new Document(type, parser.parse(json));
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalArgumentException(
					type + " " + nameOf(map) + " does not match the schema: " + ex.getMessage(), ex);
		}
	}

	private static Object nameOf(Map<?, ?> map) {
		return (map.get("metadata") instanceof Map<?, ?> metadata) ? metadata.get("name") : "(no name)";
	}

	/**
	 * Returns every document of the given model class.
	 * @param <T> the model class
	 * @param type the model class, such as {@code V1Deployment.class}
	 * @return the documents of that class, in rendering order
	 */
	<T> List<T> all(Class<T> type) {
		return this.documents.stream().map(Document::model).filter(type::isInstance).map(type::cast).toList();
	}

	/**
	 * Returns the document of the given model class and name.
	 * @param <T> the model class
	 * @param type the model class
	 * @param name the name in its metadata
	 * @return the document, or empty if none has that name
	 */
	<T> Optional<T> find(Class<T> type, String name) {
		return this.documents.stream()
			.filter((document) -> type.isInstance(document.model()) && name.equals(document.metadata().getName()))
			.map((document) -> type.cast(document.model()))
			.findFirst();
	}

	/**
	 * Returns the Deployments and StatefulSets as workloads.
	 * @return every workload, in rendering order
	 */
	List<Workload> workloads() {
		List<Workload> workloads = new ArrayList<>();
		all(V1Deployment.class).forEach((deployment) -> workloads.add(Workload.of(deployment)));
		all(V1StatefulSet.class).forEach((statefulSet) -> workloads.add(Workload.of(statefulSet)));
		return workloads;
	}

	/**
	 * Returns the workload of the given name.
	 * @param name the Deployment's or StatefulSet's name
	 * @return the workload
	 * @throws IllegalArgumentException if there is none
	 */
	Workload workload(String name) {
		return workloads().stream()
			.filter((workload) -> workload.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No workload named " + name));
	}

	/**
	 * One rendered document.
	 *
	 * @param type the API version and kind, such as {@code apps/v1/Deployment}
	 * @param model the parsed model object
	 */
	record Document(String type, Object model) {

		V1ObjectMeta metadata() {
			try {
				return (V1ObjectMeta) this.model.getClass().getMethod("getMetadata").invoke(this.model);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(this.type + " has no metadata", ex);
			}
		}

		boolean isNamespaced() {
			return !(this.model instanceof V1Namespace);
		}

	}

	@FunctionalInterface
	private interface Parser {

		Object parse(String json) throws IOException;

	}

}
