package io.cachepair.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Marks tests that need a Docker engine for Testcontainers. Without one they are skipped,
 * unless the environment variable {@value #REQUIRE_VARIABLE} is {@code true}, as CI sets
 * it: then they fail, so that a CI machine without Docker cannot pass by skipping them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RequiresDocker.DockerCondition.class)
public @interface RequiresDocker {

	/**
	 * Environment variable that turns a missing Docker engine from a skip into a failure.
	 */
	String REQUIRE_VARIABLE = "CACHEPAIR_REQUIRE_DOCKER";

	/**
	 * Enables the tests when a Docker engine responds.
	 */
	class DockerCondition implements ExecutionCondition {

		private final BooleanSupplier dockerAvailable;

		private final UnaryOperator<@Nullable String> environment;

		public DockerCondition() {
			this(() -> DockerClientFactory.instance().isDockerAvailable(), System::getenv);
		}

		DockerCondition(BooleanSupplier dockerAvailable, UnaryOperator<@Nullable String> environment) {
			this.dockerAvailable = dockerAvailable;
			this.environment = environment;
		}

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (this.dockerAvailable.getAsBoolean()) {
				return ConditionEvaluationResult.enabled("A Docker engine is available");
			}
			if (Boolean.parseBoolean(this.environment.apply(REQUIRE_VARIABLE))) {
				throw new IllegalStateException("No Docker engine is available, but " + REQUIRE_VARIABLE
						+ "=true requires the container-backed tests to run. Start one, for example with "
						+ "containers.sh start, or unset " + REQUIRE_VARIABLE + " to skip them.");
			}
			return ConditionEvaluationResult
				.disabled("No Docker engine is available; set " + REQUIRE_VARIABLE + "=true to fail instead");
		}

	}

}
