package io.cachepair.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The configuration properties one service reads: Spring Boot's, from the configuration
 * metadata of the libraries in its jar, and the service's own, from its
 * {@code @ConfigurationProperties} records. It decides whether an environment variable
 * sets one of them with Spring Boot's own relaxed binding rules.
 */
final class ApplicationProperties {

	private static final List<String> METADATA_FILES = List.of("META-INF/spring-configuration-metadata.json",
			"META-INF/additional-spring-configuration-metadata.json");

	private static final String CONFIGURATION_PROPERTIES = "org.springframework.boot.context.properties.ConfigurationProperties";

	private final Set<String> names = new TreeSet<>();

	/** Properties of a map type, which take any key below their name. */
	private final Set<String> mapNames = new TreeSet<>();

	private ApplicationProperties() {
	}

	/**
	 * Reads the properties of the service packaged in the given jar.
	 * @param jar the service's jar
	 * @return the properties it reads
	 */
	static ApplicationProperties of(ServiceJar jar) {
		ApplicationProperties properties = new ApplicationProperties();
		for (String file : METADATA_FILES) {
			jar.forEachLibraryFile(file, (library, content) -> properties.addMetadata(content));
		}
		properties.addOwnProperties(jar);
		return properties;
	}

	/**
	 * Returns whether the service binds the environment variable to one of its
	 * properties.
	 * @param variable the variable's name, such as {@code CACHE_SERVICE_TOKEN}
	 * @return whether setting it changes a property
	 */
	boolean readsEnvironmentVariable(String variable) {
		SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "value"));
		ConfigurationPropertySource source = ConfigurationPropertySource.from(environment);
		return this.names.stream()
			.map(ConfigurationPropertyName::ofIfValid)
			.anyMatch((name) -> name != null && source.getConfigurationProperty(name) != null)
				|| this.mapNames.stream()
					.map(ConfigurationPropertyName::ofIfValid)
					.anyMatch((name) -> name != null
							&& source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT);
	}

	private void addMetadata(byte[] content) {
		JsonObject metadata = JsonParser.parseString(new String(content, StandardCharsets.UTF_8)).getAsJsonObject();
		JsonArray properties = metadata.getAsJsonArray("properties");
		if (properties == null) {
			return;
		}
		for (JsonElement element : properties) {
			JsonObject property = element.getAsJsonObject();
			String name = property.get("name").getAsString();
			JsonElement type = property.get("type");
			add(name, type != null && type.getAsString().startsWith("java.util.Map"));
		}
	}

	private void add(String name, boolean isMap) {
		this.names.add(name);
		if (isMap) {
			this.mapNames.add(name);
		}
	}

	/**
	 * Adds the properties of the service's own {@code @ConfigurationProperties} records,
	 * loaded in a class loader of their own. The services build without Spring Boot's
	 * configuration processor, so their jars carry no metadata for these.
	 */
	private void addOwnProperties(ServiceJar jar) {
		Path directory = createTemporaryDirectory();
		try (URLClassLoader loader = new URLClassLoader(urls(jar.extractClassPath(directory)),
				ClassLoader.getPlatformClassLoader())) {
			for (String className : jar.classNames()) {
				Class<?> type = Class.forName(className, false, loader);
				String prefix = prefixOf(type);
				if (prefix != null) {
					addComponents(prefix, type);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Class listed in " + jar.path() + " cannot be loaded", ex);
		}
		finally {
			deleteRecursively(directory);
		}
	}

	private static @Nullable String prefixOf(Class<?> type) {
		for (Annotation annotation : type.getAnnotations()) {
			if (annotation.annotationType().getName().equals(CONFIGURATION_PROPERTIES)) {
				String prefix = attribute(annotation, "prefix");
				return prefix.isEmpty() ? attribute(annotation, "value") : prefix;
			}
		}
		return null;
	}

	private static String attribute(Annotation annotation, String name) {
		try {
			return (String) annotation.annotationType().getMethod(name).invoke(annotation);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("@ConfigurationProperties has no attribute " + name, ex);
		}
	}

	private void addComponents(String prefix, Class<?> type) {
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + "." + kebabCase(component.getName());
			Class<?> componentType = component.getType();
			if (componentType.isRecord()) {
				addComponents(name, componentType);
			}
			else {
				add(name, Map.class.isAssignableFrom(componentType));
			}
		}
	}

	private static String kebabCase(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static URL[] urls(List<Path> classPath) {
		return classPath.stream().map((path) -> {
			try {
				return path.toUri().toURL();
			}
			catch (MalformedURLException ex) {
				throw new IllegalStateException(ex);
			}
		}).toArray(URL[]::new);
	}

	private static Path createTemporaryDirectory() {
		try {
			return Files.createTempDirectory("service-jar");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
