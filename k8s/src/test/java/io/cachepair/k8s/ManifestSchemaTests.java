package io.cachepair.k8s;

import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every overlay renders, and every document matches the Kubernetes 1.32 API schema and
 * lands in the stack's namespace.
 */
class ManifestSchemaTests {

	private static final String DEPLOYMENT = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: example
			spec:
			  selector:
			    matchLabels:
			      app: example
			  template:
			    metadata:
			      labels:
			        app: example
			    spec:
			      containers:
			        - name: example
			          image: example:1
			""";

	static List<String> overlays() {
		return Kustomize.overlays();
	}

	@Test
	void overlaysIncludeMemoryAndRedis() {
		assertThat(overlays()).contains("memory", "redis");
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void overlayMatchesSchema(String overlay) {
		Manifests manifests = Kustomize.render(overlay);

		assertThat(manifests.documents()).isNotEmpty();
		SoftAssertions softly = new SoftAssertions();
		for (Manifests.Document document : manifests.documents()) {
			if (document.isNamespaced()) {
				softly.assertThat(document.metadata().getNamespace())
					.describedAs("namespace of %s %s", document.type(), document.metadata().getName())
					.isEqualTo("cachepair");
			}
		}
		softly.assertAll();
	}

	@Test
	void schemaAcceptsValidDeployment() {
		Manifests manifests = Manifests.parse(DEPLOYMENT);

		assertThat(manifests.workloads()).hasSize(1);
	}

	@Test
	void schemaRejectsMisspeltField() {
		String yaml = DEPLOYMENT.replace("image: example:1", "image: example:1\n          imagePullPolcy: Always");

		assertThatIllegalArgumentException().isThrownBy(() -> Manifests.parse(yaml))
			.withMessageContaining("imagePullPolcy");
	}

	@Test
	void schemaRejectsMissingContainerName() {
		String yaml = DEPLOYMENT.replace("- name: example\n", "- ");

		assertThatIllegalArgumentException().isThrownBy(() -> Manifests.parse(yaml)).withMessageContaining("name");
	}

	@Test
	void schemaRejectsUnknownKind() {
		String yaml = DEPLOYMENT.replace("kind: Deployment", "kind: Deploymnet");

		assertThatIllegalArgumentException().isThrownBy(() -> Manifests.parse(yaml))
			.withMessageContaining("apps/v1/Deploymnet");
	}

}
