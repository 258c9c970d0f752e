package io.cachepair.api;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;

class RequiresDockerTests {

	private final ExtensionContext context = mock(ExtensionContext.class);

	@Test
	void availableDockerEnablesTests() {
		RequiresDocker.DockerCondition condition = new RequiresDocker.DockerCondition(() -> true,
				Map.of("CACHEPAIR_REQUIRE_DOCKER", "true")::get);

		ConditionEvaluationResult result = condition.evaluateExecutionCondition(this.context);

		assertThat(result.isDisabled()).isFalse();
	}

	@Test
	void missingDockerSkipsTestsByDefault() {
		RequiresDocker.DockerCondition condition = new RequiresDocker.DockerCondition(() -> false,
				Map.<String, String>of()::get);

		ConditionEvaluationResult result = condition.evaluateExecutionCondition(this.context);

		assertThat(result.isDisabled()).isTrue();
		assertThat(result.getReason()).hasValueSatisfying((reason) -> assertThat(reason).contains("No Docker engine"));
	}

	@Test
	void missingDockerFailsWhenRequired() {
		RequiresDocker.DockerCondition condition = new RequiresDocker.DockerCondition(() -> false,
				Map.of("CACHEPAIR_REQUIRE_DOCKER", "true")::get);

		assertThatIllegalStateException().isThrownBy(() -> condition.evaluateExecutionCondition(this.context))
			.withMessageContaining("CACHEPAIR_REQUIRE_DOCKER=true requires the container-backed tests to run");
	}

}
