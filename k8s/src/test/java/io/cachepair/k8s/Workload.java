package io.cachepair.k8s;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1StatefulSet;

/**
 * A Deployment or StatefulSet, reduced to what the checks look at.
 *
 * @param kind {@code Deployment} or {@code StatefulSet}
 * @param name the workload's name
 * @param selector the workload's pod selector
 * @param podLabels the labels of its pod template
 * @param pod the spec of its pod template
 */
record Workload(String kind, String name, V1LabelSelector selector, Map<String, String> podLabels, V1PodSpec pod) {

	static Workload of(V1Deployment deployment) {
		return new Workload("Deployment", deployment.getMetadata().getName(), deployment.getSpec().getSelector(),
				deployment.getSpec().getTemplate().getMetadata().getLabels(),
				deployment.getSpec().getTemplate().getSpec());
	}

	static Workload of(V1StatefulSet statefulSet) {
		return new Workload("StatefulSet", statefulSet.getMetadata().getName(), statefulSet.getSpec().getSelector(),
				statefulSet.getSpec().getTemplate().getMetadata().getLabels(),
				statefulSet.getSpec().getTemplate().getSpec());
	}

	/**
	 * Returns the init containers and the containers of the pod template.
	 * @return every container
	 */
	List<V1Container> containers() {
		return Stream
			.concat(Objects.requireNonNullElse(this.pod.getInitContainers(), List.<V1Container>of()).stream(),
					this.pod.getContainers().stream())
			.toList();
	}

	/**
	 * Returns whether the selector selects this workload's pods.
	 * @param labelSelector a label selector, such as a Service's or a
	 * PodDisruptionBudget's
	 * @return whether every label and expression matches the pod template's labels
	 */
	boolean podsMatch(V1LabelSelector labelSelector) {
		return LabelSelectors.matches(labelSelector, this.podLabels);
	}

	@Override
	public String toString() {
		return this.kind + " " + this.name;
	}

}
