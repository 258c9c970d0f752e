package io.cachepair.k8s;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every container of every workload has probes, resource requests and limits, and the
 * settings of the restricted Pod Security Standard, with a writable {@code /tmp} on a
 * read-only root file system.
 */
class ContainerPolicyTests {

	static List<String> overlays() {
		return Kustomize.overlays();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void containersHaveProbes(String overlay) {
		SoftAssertions softly = new SoftAssertions();
		forEachContainer(overlay, (at, container) -> {
			softly.assertThat(container.getLivenessProbe()).describedAs("liveness probe of %s", at).isNotNull();
			softly.assertThat(container.getReadinessProbe()).describedAs("readiness probe of %s", at).isNotNull();
		});
		softly.assertAll();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void containersHaveRequestsAndLimits(String overlay) {
		SoftAssertions softly = new SoftAssertions();
		forEachContainer(overlay, (at, container) -> {
			V1ResourceRequirements resources = Objects.requireNonNullElse(container.getResources(),
					new V1ResourceRequirements());
			Map<String, Quantity> requests = Objects.requireNonNullElse(resources.getRequests(), Map.of());
			Map<String, Quantity> limits = Objects.requireNonNullElse(resources.getLimits(), Map.of());
			softly.assertThat(requests).describedAs("requests of %s", at).containsKeys("cpu", "memory");
			softly.assertThat(limits).describedAs("limits of %s", at).containsKeys("cpu", "memory");
			if (requests.containsKey("memory") && limits.containsKey("memory")) {
				softly.assertThat(requests.get("memory").getNumber())
					.describedAs("memory request of %s", at)
					.isLessThanOrEqualTo(limits.get("memory").getNumber());
			}
		});
		softly.assertAll();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void containersFollowRestrictedPodSecurity(String overlay) {
		SoftAssertions softly = new SoftAssertions();
		forEachContainer(overlay, (at, container) -> {
			V1PodSecurityContext pod = Objects.requireNonNullElse(at.workload().pod().getSecurityContext(),
					new V1PodSecurityContext());
			V1SecurityContext security = Objects.requireNonNullElse(container.getSecurityContext(),
					new V1SecurityContext());
			softly.assertThat(firstSet(security.getRunAsNonRoot(), pod.getRunAsNonRoot()))
				.describedAs("runAsNonRoot of %s", at)
				.isTrue();
			softly.assertThat(firstSet(security.getRunAsUser(), pod.getRunAsUser()))
				.describedAs("runAsUser of %s", at)
				.isNotNull()
				.isNotZero();
			softly.assertThat(security.getAllowPrivilegeEscalation())
				.describedAs("allowPrivilegeEscalation of %s", at)
				.isFalse();
			softly.assertThat(security.getPrivileged()).describedAs("privileged of %s", at).isNotEqualTo(true);
			softly.assertThat(security.getReadOnlyRootFilesystem())
				.describedAs("readOnlyRootFilesystem of %s", at)
				.isTrue();
			softly.assertThat(security.getCapabilities()).describedAs("capabilities of %s", at).isNotNull();
			if (security.getCapabilities() != null) {
				softly.assertThat(security.getCapabilities().getDrop())
					.describedAs("dropped capabilities of %s", at)
					.containsExactly("ALL");
				softly.assertThat(security.getCapabilities().getAdd())
					.describedAs("added capabilities of %s", at)
					.isNullOrEmpty();
			}
			softly.assertThat(seccompType(security, pod))
				.describedAs("seccomp profile of %s", at)
				.isIn("RuntimeDefault", "Localhost");
			softly.assertThat(at.workload().pod().getAutomountServiceAccountToken())
				.describedAs("automountServiceAccountToken of %s", at)
				.isFalse();
		});
		softly.assertAll();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void containersHaveWritableTemporaryDirectory(String overlay) {
		SoftAssertions softly = new SoftAssertions();
		forEachContainer(overlay, (at, container) -> {
			V1VolumeMount tmp = Objects.requireNonNullElse(container.getVolumeMounts(), List.<V1VolumeMount>of())
				.stream()
				.filter((mount) -> "/tmp".equals(mount.getMountPath()))
				.findFirst()
				.orElse(null);
			softly.assertThat(tmp).describedAs("volume mounted at /tmp in %s", at).isNotNull();
			if (tmp != null) {
				softly.assertThat(tmp.getReadOnly()).describedAs("read-only /tmp in %s", at).isNotEqualTo(true);
				softly.assertThat(isEmptyDir(at.workload(), tmp.getName()))
					.describedAs("/tmp of %s is an emptyDir", at)
					.isTrue();
			}
		});
		softly.assertAll();
	}

	private static boolean isEmptyDir(Workload workload, String volumeName) {
		return Objects.requireNonNullElse(workload.pod().getVolumes(), List.<V1Volume>of())
			.stream()
			.anyMatch((volume) -> volume.getName().equals(volumeName) && volume.getEmptyDir() != null);
	}

	private static @Nullable String seccompType(V1SecurityContext container, V1PodSecurityContext pod) {
		if (container.getSeccompProfile() != null) {
			return container.getSeccompProfile().getType();
		}
		return (pod.getSeccompProfile() != null) ? pod.getSeccompProfile().getType() : null;
	}

	private static <T> @Nullable T firstSet(@Nullable T containerValue, @Nullable T podValue) {
		return (containerValue != null) ? containerValue : podValue;
	}

	private static void forEachContainer(String overlay, ContainerCheck check) {
		Manifests manifests = Kustomize.render(overlay);
		for (Workload workload : manifests.workloads()) {
			for (V1Container container : workload.containers()) {
				check.accept(new Located(workload, container.getName()), container);
			}
		}
	}

	/**
	 * A check of one container, given its location for the failure messages.
	 */
	@FunctionalInterface
	private interface ContainerCheck {

		void accept(Located at, V1Container container);

	}

	private record Located(Workload workload, String container) {

		@Override
		public String toString() {
			return "container " + this.container + " of " + this.workload;
		}

	}

}
