package io.cachepair.k8s;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Ports and environment variables agree with what the services read: the container port
 * is the service's {@code server.port}, probes call its health groups, every variable
 * sets one of its properties, and every host and port in a variable is a rendered
 * Service's.
 */
class PortAndEnvironmentTests {

	private static final List<String> SERVICES = List.of("api-service", "cache-service");

	/** A URL with a host and an explicit port, also behind a prefix as in a JDBC URL. */
	private static final Pattern URL = Pattern.compile("(?:[a-z]+:)*//([a-z0-9.-]+):([0-9]+)");

	private static final Map<String, ServiceJar> jars = new ConcurrentHashMap<>();

	private static final Map<String, ApplicationProperties> properties = new ConcurrentHashMap<>();

	@BeforeAll
	static void readJars() {
		SERVICES.forEach((service) -> jars.put(service, ServiceJar.of(service)));
	}

	static Stream<Arguments> overlaysAndServices() {
		return Kustomize.overlays()
			.stream()
			.flatMap((overlay) -> SERVICES.stream().map((service) -> Arguments.of(overlay, service)));
	}

	@ParameterizedTest
	@MethodSource("overlaysAndServices")
	void containerPortIsServerPort(String overlay, String service) {
		V1Container container = serviceContainer(overlay, service);
		int serverPort = jars.get(service).serverPort();

		assertThat(container.getPorts()).describedAs("ports of %s", service)
			.extracting(V1ContainerPort::getName, V1ContainerPort::getContainerPort)
			.containsExactly(tuple("http", serverPort));
	}

	@ParameterizedTest
	@MethodSource("overlaysAndServices")
	void probesCallHealthGroups(String overlay, String service) {
		V1Container container = serviceContainer(overlay, service);

		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(httpPath(container.getStartupProbe()))
			.describedAs("startup probe path of %s", service)
			.isEqualTo("/actuator/health/liveness");
		softly.assertThat(httpPath(container.getLivenessProbe()))
			.describedAs("liveness probe path of %s", service)
			.isEqualTo("/actuator/health/liveness");
		softly.assertThat(httpPath(container.getReadinessProbe()))
			.describedAs("readiness probe path of %s", service)
			.isEqualTo("/actuator/health/readiness");
		softly.assertAll();
	}

	@ParameterizedTest
	@MethodSource("overlaysAndServices")
	void environmentVariablesSetProperties(String overlay, String service) {
		Manifests manifests = Kustomize.render(overlay);
		Map<String, String> environment = ContainerEnvironment.of(serviceContainer(overlay, service), manifests);
		ApplicationProperties read = properties.computeIfAbsent(service,
				(name) -> ApplicationProperties.of(jars.get(name)));
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(!usesRedis(environment) || jars.get(service).hasLibrary("spring-data-redis-"))
			.describedAs("%s in overlay %s is configured for Redis, so its jar must contain the Redis store", service,
					overlay)
			.isTrue();
		environment.keySet()
			.forEach((variable) -> softly.assertThat(read.readsEnvironmentVariable(variable))
				.describedAs("%s reads %s", service, variable)
				.isTrue());
		softly.assertAll();
	}

	@Test
	void environmentCheckRejectsMisspeltVariable() {
		ApplicationProperties read = properties.computeIfAbsent("cache-service",
				(name) -> ApplicationProperties.of(jars.get(name)));

		assertThat(read.readsEnvironmentVariable("CACHE_SERVICE_TOKEN")).isTrue();
		assertThat(read.readsEnvironmentVariable("CACHE_SERVICE_TOKN")).isFalse();
		assertThat(read.readsEnvironmentVariable("SPRING_DATASOURCE_URL")).isFalse();
	}

	@ParameterizedTest
	@MethodSource("overlaysAndServices")
	void environmentEndpointsAreRenderedServices(String overlay, String service) {
		Manifests manifests = Kustomize.render(overlay);
		Map<String, String> environment = ContainerEnvironment.of(serviceContainer(overlay, service), manifests);

		SoftAssertions softly = new SoftAssertions();
		environment.forEach((variable, value) -> {
			Matcher url = URL.matcher(value);
			if (url.find()) {
				softly.assertThat(servicePort(manifests, url.group(1), Integer.parseInt(url.group(2))))
					.describedAs("Service port for %s=%s of %s", variable, value, service)
					.isPresent();
			}
			if (variable.endsWith("_HOST")) {
				String portVariable = variable.substring(0, variable.length() - 5) + "_PORT";
				softly.assertThat(environment).describedAs("%s of %s", portVariable, service).containsKey(portVariable);
				int port = Integer.parseInt(environment.getOrDefault(portVariable, "0"));
				softly.assertThat(servicePort(manifests, value, port))
					.describedAs("Service port for %s=%s and port %d of %s", variable, value, port, service)
					.isPresent();
			}
		});
		softly.assertAll();
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void targetPortsAreContainerPorts(String overlay) {
		Manifests manifests = Kustomize.render(overlay);

		SoftAssertions softly = new SoftAssertions();
		for (V1Service service : manifests.all(V1Service.class)) {
			List<Workload> selected = manifests.workloads()
				.stream()
				.filter((workload) -> LabelSelectors.matches(service.getSpec().getSelector(), workload.podLabels()))
				.toList();
			for (V1ServicePort port : service.getSpec().getPorts()) {
				IntOrString target = Objects.requireNonNullElse(port.getTargetPort(), new IntOrString(port.getPort()));
				softly.assertThat(selected)
					.describedAs("workloads of Service %s exposing target port %s", service.getMetadata().getName(),
							target)
					.isNotEmpty()
					.allMatch((workload) -> exposes(workload, target));
			}
		}
		for (V1NetworkPolicy policy : manifests.all(V1NetworkPolicy.class)) {
			for (V1NetworkPolicyIngressRule rule : Objects.requireNonNullElse(policy.getSpec().getIngress(),
					List.<V1NetworkPolicyIngressRule>of())) {
				for (V1NetworkPolicyPort port : Objects.requireNonNullElse(rule.getPorts(),
						List.<V1NetworkPolicyPort>of())) {
					softly
						.assertThat(manifests.workloads()
							.stream()
							.filter((workload) -> workload.podsMatch(policy.getSpec().getPodSelector())))
						.describedAs("pods of NetworkPolicy %s exposing port %s", policy.getMetadata().getName(),
								port.getPort())
						.allMatch((workload) -> exposes(workload, port.getPort()));
				}
			}
		}
		for (Workload workload : manifests.workloads()) {
			for (V1Container container : workload.containers()) {
				for (V1Probe probe : Stream
					.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())
					.filter(Objects::nonNull)
					.toList()) {
					probePort(probe).ifPresent((port) -> softly.assertThat(exposes(workload, port))
						.describedAs("probe port %s of %s is a container port", port, workload)
						.isTrue());
				}
			}
		}
		softly.assertAll();
	}

	static List<String> overlays() {
		return Kustomize.overlays();
	}

	private static boolean usesRedis(Map<String, String> environment) {
		return environment.keySet().stream().anyMatch((variable) -> variable.startsWith("SPRING_DATA_REDIS_"))
				|| "redis".equalsIgnoreCase(environment.get("CACHE_SERVICE_STORE"));
	}

	private static V1Container serviceContainer(String overlay, String service) {
		return Kustomize.render(overlay)
			.workload(service)
			.containers()
			.stream()
			.filter((container) -> container.getName().equals(service))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Workload " + service + " has no container named " + service));
	}

	private static @Nullable String httpPath(@Nullable V1Probe probe) {
		return (probe != null && probe.getHttpGet() != null) ? probe.getHttpGet().getPath() : null;
	}

	private static Optional<IntOrString> probePort(V1Probe probe) {
		if (probe.getHttpGet() != null) {
			return Optional.of(probe.getHttpGet().getPort());
		}
		if (probe.getTcpSocket() != null) {
			return Optional.of(probe.getTcpSocket().getPort());
		}
		return Optional.empty();
	}

	private static Optional<V1ServicePort> servicePort(Manifests manifests, String host, int port) {
		String name = URI.create("//" + host).getHost().split("\\.")[0];
		return manifests.find(V1Service.class, name)
			.flatMap((service) -> service.getSpec()
				.getPorts()
				.stream()
				.filter((candidate) -> candidate.getPort() == port)
				.findFirst());
	}

	private static boolean exposes(Workload workload, IntOrString port) {
		return workload.containers()
			.stream()
			.flatMap((container) -> Objects.requireNonNullElse(container.getPorts(), List.<V1ContainerPort>of())
				.stream())
			.anyMatch((candidate) -> port.isInteger() ? candidate.getContainerPort().equals(port.getIntValue())
					: port.getStrValue().equals(candidate.getName()));
	}

}
