package io.cachepair.k8s;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every selector and reference in an overlay finds what it is meant to: workloads their
 * own pods and no others, Services, PodDisruptionBudgets and NetworkPolicies existing
 * pods, the HPA its Deployment.
 */
class SelectorTests {

	static List<String> overlays() {
		return Kustomize.overlays();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void workloadsSelectOnlyTheirOwnPods(String overlay) {
		List<Workload> workloads = Kustomize.render(overlay).workloads();

		SoftAssertions softly = new SoftAssertions();
		for (Workload workload : workloads) {
			List<String> selected = workloads.stream()
				.filter((candidate) -> candidate.podsMatch(workload.selector()))
				.map(Workload::name)
				.toList();
			softly.assertThat(selected).describedAs("pods selected by %s", workload).containsExactly(workload.name());
			for (V1TopologySpreadConstraint constraint : Objects.requireNonNullElse(
					workload.pod().getTopologySpreadConstraints(), List.<V1TopologySpreadConstraint>of())) {
				softly.assertThat(workload.podsMatch(constraint.getLabelSelector()))
					.describedAs("topology spread over %s of %s selects its pods", constraint.getTopologyKey(),
							workload)
					.isTrue();
			}
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void servicesSelectOneWorkload(String overlay) {
		Manifests manifests = Kustomize.render(overlay);

		SoftAssertions softly = new SoftAssertions();
		for (V1Service service : manifests.all(V1Service.class)) {
			Map<String, String> selector = Objects.requireNonNullElse(service.getSpec().getSelector(), Map.of());
			softly.assertThat(selector)
				.describedAs("selector of Service %s", service.getMetadata().getName())
				.isNotEmpty();
			softly
				.assertThat(manifests.workloads()
					.stream()
					.filter((workload) -> LabelSelectors.matches(selector, workload.podLabels())))
				.describedAs("workloads selected by Service %s", service.getMetadata().getName())
				.hasSize(1);
		}
		for (V1StatefulSet statefulSet : manifests.all(V1StatefulSet.class)) {
			softly.assertThat(manifests.find(V1Service.class, statefulSet.getSpec().getServiceName()))
				.describedAs("Service %s of StatefulSet %s", statefulSet.getSpec().getServiceName(),
						statefulSet.getMetadata().getName())
				.isPresent();
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void disruptionBudgetsSelectOneWorkload(String overlay) {
		Manifests manifests = Kustomize.render(overlay);

		SoftAssertions softly = new SoftAssertions();
		for (V1PodDisruptionBudget budget : manifests.all(V1PodDisruptionBudget.class)) {
			softly.assertThat(selectedWorkloads(manifests, budget.getSpec().getSelector()))
				.describedAs("workloads selected by PodDisruptionBudget %s", budget.getMetadata().getName())
				.hasSize(1);
		}
		for (Workload workload : manifests.workloads()) {
			softly
				.assertThat(manifests.all(V1PodDisruptionBudget.class)
					.stream()
					.filter((budget) -> workload.podsMatch(budget.getSpec().getSelector())))
				.describedAs("PodDisruptionBudgets of %s", workload)
				.hasSize(1);
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void autoscalerTargetsApiServiceDeployment(String overlay) {
		Manifests manifests = Kustomize.render(overlay);
		List<V2HorizontalPodAutoscaler> autoscalers = manifests.all(V2HorizontalPodAutoscaler.class);

		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(autoscalers)
			.describedAs("autoscaled Deployments")
			.extracting((autoscaler) -> autoscaler.getSpec().getScaleTargetRef().getName())
			.contains("api-service");
		for (V2HorizontalPodAutoscaler autoscaler : autoscalers) {
			String target = autoscaler.getSpec().getScaleTargetRef().getName();
			softly.assertThat(autoscaler.getSpec().getScaleTargetRef().getKind())
				.describedAs("kind scaled by %s", autoscaler.getMetadata().getName())
				.isEqualTo("Deployment");
			softly.assertThat(manifests.find(V1Deployment.class, target))
				.describedAs("Deployment %s scaled by %s", target, autoscaler.getMetadata().getName())
				.isPresent();
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void networkPoliciesSelectExistingPods(String overlay) {
		Manifests manifests = Kustomize.render(overlay);

		SoftAssertions softly = new SoftAssertions();
		for (V1NetworkPolicy policy : manifests.all(V1NetworkPolicy.class)) {
			String name = policy.getMetadata().getName();
			softly.assertThat(selectedWorkloads(manifests, policy.getSpec().getPodSelector()))
				.describedAs("pods NetworkPolicy %s applies to", name)
				.isNotEmpty();
			for (V1NetworkPolicyIngressRule rule : Objects.requireNonNullElse(policy.getSpec().getIngress(),
					List.<V1NetworkPolicyIngressRule>of())) {
				for (V1NetworkPolicyPeer peer : Objects.requireNonNullElse(rule.getFrom(),
						List.<V1NetworkPolicyPeer>of())) {
					softly.assertThat(peer.getPodSelector())
						.describedAs("peers of NetworkPolicy %s are pods of this namespace", name)
						.isNotNull();
					if (peer.getPodSelector() != null) {
						softly.assertThat(selectedWorkloads(manifests, peer.getPodSelector()))
							.describedAs("peers allowed by NetworkPolicy %s", name)
							.isNotEmpty();
					}
				}
			}
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void onlyClientsReachCacheServiceAndStores(String overlay) {
		Manifests manifests = Kustomize.render(overlay);
		Map<String, String> onlyClient = Map.of("cache-service", "api-service", "postgres", "api-service", "redis",
				"cache-service");

		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(manifests.all(V1NetworkPolicy.class))
			.describedAs("a NetworkPolicy that denies all ingress by default")
			.anyMatch(SelectorTests::deniesAllIngress);
		onlyClient.forEach((target, client) -> {
			if (manifests.workloads().stream().noneMatch((workload) -> workload.name().equals(target))) {
				return;
			}
			Workload targetWorkload = manifests.workload(target);
			for (V1NetworkPolicy policy : manifests.all(V1NetworkPolicy.class)) {
				if (deniesAllIngress(policy) || !targetWorkload.podsMatch(policy.getSpec().getPodSelector())) {
					continue;
				}
				for (V1NetworkPolicyIngressRule rule : Objects.requireNonNullElse(policy.getSpec().getIngress(),
						List.<V1NetworkPolicyIngressRule>of())) {
					List<V1NetworkPolicyPeer> peers = Objects.requireNonNullElse(rule.getFrom(), List.of());
					softly.assertThat(peers)
						.describedAs("NetworkPolicy %s names who may reach %s", policy.getMetadata().getName(), target)
						.isNotEmpty();
					for (V1NetworkPolicyPeer peer : peers) {
						softly
							.assertThat((peer.getPodSelector() != null)
									? selectedWorkloads(manifests, peer.getPodSelector()) : List.of("(not pods)"))
							.describedAs("who NetworkPolicy %s lets reach %s", policy.getMetadata().getName(), target)
							.containsExactly(client);
					}
				}
			}
		});
		softly.assertAll();
	}

	private static boolean deniesAllIngress(V1NetworkPolicy policy) {
		V1LabelSelector selector = policy.getSpec().getPodSelector();
		boolean selectsAll = Objects.requireNonNullElse(selector.getMatchLabels(), Map.of()).isEmpty()
				&& Objects.requireNonNullElse(selector.getMatchExpressions(), List.of()).isEmpty();
		return selectsAll
				&& Objects.requireNonNullElse(policy.getSpec().getPolicyTypes(), List.of()).contains("Ingress")
				&& Objects.requireNonNullElse(policy.getSpec().getIngress(), List.of()).isEmpty();
	}

	private static List<String> selectedWorkloads(Manifests manifests, V1LabelSelector selector) {
		return manifests.workloads()
			.stream()
			.filter((workload) -> workload.podsMatch(selector))
			.map(Workload::name)
			.toList();
	}

}
