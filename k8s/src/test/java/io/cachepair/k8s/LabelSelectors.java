package io.cachepair.k8s;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;

/**
 * Evaluates label selectors the way the Kubernetes API server does: every
 * {@code matchLabels} pair and every {@code matchExpressions} requirement must hold, so
 * an empty selector matches everything.
 */
final class LabelSelectors {

	private LabelSelectors() {
	}

	static boolean matches(V1LabelSelector selector, Map<String, String> labels) {
		Map<String, String> matchLabels = Objects.requireNonNullElse(selector.getMatchLabels(), Map.of());
		List<V1LabelSelectorRequirement> expressions = Objects.requireNonNullElse(selector.getMatchExpressions(),
				List.of());
		return labels.entrySet().containsAll(matchLabels.entrySet())
				&& expressions.stream().allMatch((requirement) -> matches(requirement, labels));
	}

	/**
	 * Returns whether a Service-style selector, a plain map of labels, matches.
	 * @param selector the labels that must all be present
	 * @param labels the pod's labels
	 * @return whether every pair is present
	 */
	static boolean matches(Map<String, String> selector, Map<String, String> labels) {
		return labels.entrySet().containsAll(selector.entrySet());
	}

	private static boolean matches(V1LabelSelectorRequirement requirement, Map<String, String> labels) {
		String value = labels.get(requirement.getKey());
		List<String> values = Objects.requireNonNullElse(requirement.getValues(), List.of());
		return switch (requirement.getOperator()) {
			case "In" -> value != null && values.contains(value);
			case "NotIn" -> value == null || !values.contains(value);
			case "Exists" -> value != null;
			case "DoesNotExist" -> value == null;
			default -> throw new IllegalArgumentException("Unknown selector operator " + requirement.getOperator());
		};
	}

}
