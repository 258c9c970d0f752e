package io.cachepair.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RequiresDockerTests {

	@Test
	void runsWhenDockerIsAvailable() {
		ConditionEvaluationResult result = RequiresDocker.DockerCondition.evaluate(true, "true");

		assertThat(result.isDisabled()).isFalse();
	}

	@Test
	void skipsWithoutDockerWhenNotRequired() {
		ConditionEvaluationResult unset = RequiresDocker.DockerCondition.evaluate(false, null);
		ConditionEvaluationResult off = RequiresDocker.DockerCondition.evaluate(false, "false");

		assertThat(unset.isDisabled()).isTrue();
		assertThat(unset.getReason())
			.hasValueSatisfying((reason) -> assertThat(reason).contains("CACHEPAIR_REQUIRE_DOCKER"));
		assertThat(off.isDisabled()).isTrue();
	}

	@Test
	void failsWithoutDockerWhenRequired() {
		assertThatIllegalStateException().isThrownBy(() -> RequiresDocker.DockerCondition.evaluate(false, "true"))
			.withMessageContaining("CACHEPAIR_REQUIRE_DOCKER=true");
	}

}
