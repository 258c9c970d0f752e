package io.cachepair.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Renders the kustomize overlays under {@code k8s/overlays} with
 * {@code kubectl kustomize}, which needs no cluster. Without kubectl the calling test is
 * skipped, unless {@code CACHEPAIR_REQUIRE_DOCKER=true} (set by CI) makes that a failure.
 */
final class Kustomize {

	private static final long TIMEOUT_SECONDS = 60;

	private static final Map<String, Manifests> rendered = new ConcurrentHashMap<>();

	private Kustomize() {
	}

	/**
	 * Returns the names of the overlays, one per directory under {@code k8s/overlays}.
	 * @return the overlay names, sorted
	 */
	static List<String> overlays() {
		try (Stream<Path> directories = Files.list(directory().resolve("overlays"))) {
			return directories.filter(Files::isDirectory)
				.map((path) -> path.getFileName().toString())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Renders an overlay once per test run and parses every document against the
	 * Kubernetes API schema.
	 * @param overlay the overlay's directory name
	 * @return the rendered manifests
	 */
	static Manifests render(String overlay) {
		requireKubectl();
		return rendered.computeIfAbsent(overlay,
				(name) -> Manifests.parse(run(directory().resolve("overlays/" + name))));
	}

	private static void requireKubectl() {
		if (kubectlAnswers()) {
			return;
		}
		String message = "kubectl is not on the PATH, so the kustomize overlays cannot be rendered";
		if ("true".equals(System.getenv("CACHEPAIR_REQUIRE_DOCKER"))) {
			throw new IllegalStateException(message + ", and CACHEPAIR_REQUIRE_DOCKER=true requires it");
		}
		Assumptions.abort(message);
	}

	private static boolean kubectlAnswers() {
		try {
			Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String run(Path overlay) {
		try {
			// Files instead of pipes, so that the timeout holds even if kubectl stops
			// reading.
			Path output = Files.createTempFile("kustomize", ".yaml");
			Path errors = Files.createTempFile("kustomize", ".err");
			try {
				Process process = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
					.redirectOutput(output.toFile())
					.redirectError(errors.toFile())
					.start();
				if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(
							"kubectl kustomize " + overlay + " timed out after " + TIMEOUT_SECONDS + " s");
				}
				if (process.exitValue() != 0) {
					throw new IllegalStateException(
							"kubectl kustomize " + overlay + " failed: " + Files.readString(errors));
				}
				return Files.readString(output, StandardCharsets.UTF_8);
			}
			finally {
				Files.delete(output);
				Files.delete(errors);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while rendering " + overlay, ex);
		}
	}

	private static Path directory() {
		String directory = System.getProperty("cachepair.k8s.directory");
		if (directory == null) {
			throw new IllegalStateException(
					"System property cachepair.k8s.directory is missing; run the tests with Maven");
		}
		return Path.of(directory);
	}

}
