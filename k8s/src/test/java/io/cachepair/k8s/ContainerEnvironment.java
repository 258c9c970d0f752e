package io.cachepair.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Secret;

/**
 * The environment variables a container gets, from {@code env} and from the ConfigMaps
 * and Secrets named in {@code envFrom}, with the value where the manifests state it.
 */
final class ContainerEnvironment {

	private ContainerEnvironment() {
	}

	/**
	 * Returns the container's variables by name; a value taken from a Secret, a field or
	 * a resource is the empty string.
	 * @param container the container
	 * @param manifests the rendered overlay holding the ConfigMaps and Secrets
	 * @return the variables in the order the container lists their sources
	 * @throws IllegalArgumentException if a referenced ConfigMap, Secret or key is
	 * missing
	 */
	static Map<String, String> of(V1Container container, Manifests manifests) {
		Map<String, String> variables = new LinkedHashMap<>();
		for (V1EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(), List.<V1EnvFromSource>of())) {
			if (source.getConfigMapRef() != null) {
				configMapData(manifests, source.getConfigMapRef().getName()).forEach(variables::put);
			}
			if (source.getSecretRef() != null) {
				secretKeys(manifests, source.getSecretRef().getName()).forEach((key) -> variables.put(key, ""));
			}
		}
		for (V1EnvVar variable : Objects.requireNonNullElse(container.getEnv(), List.<V1EnvVar>of())) {
			variables.put(variable.getName(), valueOf(variable, manifests));
		}
		return variables;
	}

	private static String valueOf(V1EnvVar variable, Manifests manifests) {
		if (variable.getValue() != null) {
			return variable.getValue();
		}
		if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
			String name = variable.getValueFrom().getConfigMapKeyRef().getName();
			String key = variable.getValueFrom().getConfigMapKeyRef().getKey();
			return requireKey(configMapData(manifests, name), key, "ConfigMap " + name);
		}
		if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
			String name = variable.getValueFrom().getSecretKeyRef().getName();
			String key = variable.getValueFrom().getSecretKeyRef().getKey();
			if (!secretKeys(manifests, name).contains(key)) {
				throw new IllegalArgumentException("Secret " + name + " has no key " + key);
			}
		}
		return "";
	}

	private static String requireKey(Map<String, String> data, String key, String owner) {
		String value = data.get(key);
		if (value == null) {
			throw new IllegalArgumentException(owner + " has no key " + key);
		}
		return value;
	}

	private static Map<String, String> configMapData(Manifests manifests, String name) {
		V1ConfigMap configMap = manifests.find(V1ConfigMap.class, name)
			.orElseThrow(() -> new IllegalArgumentException("ConfigMap " + name + " is referenced but not rendered"));
		return Objects.requireNonNullElse(configMap.getData(), Map.of());
	}

	private static List<String> secretKeys(Manifests manifests, String name) {
		V1Secret secret = manifests.find(V1Secret.class, name)
			.orElseThrow(() -> new IllegalArgumentException("Secret " + name + " is referenced but not rendered"));
		Map<String, ?> data = (secret.getData() != null) ? secret.getData()
				: Objects.requireNonNullElse(secret.getStringData(), Map.of());
		return List.copyOf(data.keySet());
	}

}
