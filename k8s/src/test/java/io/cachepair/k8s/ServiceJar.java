package io.cachepair.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;

/**
 * A service's packaged Spring Boot jar, read without starting it: its libraries, its own
 * classes and its {@code application.properties} or {@code application.yml}.
 *
 * @param name the service's name, such as {@code cache-service}
 * @param path the jar that {@code ./mvnw package} built
 */
record ServiceJar(String name, Path path) {

	private static final String CLASSES = "BOOT-INF/classes/";

	private static final String LIBRARIES = "BOOT-INF/lib/";

	/**
	 * Returns the jar of the named service, from the system property
	 * {@code cachepair.<name>.jar} that the build sets.
	 * @param name the service's name
	 * @return the service's jar
	 * @throws IllegalStateException if the jar has not been built
	 */
	static ServiceJar of(String name) {
		String property = "cachepair." + name + ".jar";
		String location = System.getProperty(property);
		if (location == null) {
			throw new IllegalStateException("System property " + property + " is missing; run the tests with Maven");
		}
		Path path = Path.of(location);
		if (!Files.isRegularFile(path)) {
			throw new IllegalStateException(
					"The " + name + " jar " + path + " is missing; build it first with ./mvnw package");
		}
		return new ServiceJar(name, path);
	}

	/**
	 * Returns whether a library whose file name starts with the given prefix is packaged,
	 * such as {@code spring-data-redis-}.
	 * @param prefix the start of the library's file name
	 * @return whether such a library is in {@code BOOT-INF/lib}
	 */
	boolean hasLibrary(String prefix) {
		return entryNames().stream().anyMatch((entry) -> entry.startsWith(LIBRARIES + prefix));
	}

	/**
	 * Returns the names of the service's own classes, such as {@code io.cachepair.Foo}.
	 * @return the class names under {@code BOOT-INF/classes}
	 */
	List<String> classNames() {
		return entryNames().stream()
			.filter((entry) -> entry.startsWith(CLASSES) && entry.endsWith(".class"))
			.map((entry) -> entry.substring(CLASSES.length(), entry.length() - 6).replace('/', '.'))
			.toList();
	}

	/**
	 * Returns the HTTP port the service listens on: {@code server.port} from its
	 * application configuration.
	 * @return the port
	 */
	int serverPort() {
		Properties properties = new Properties();
		try (ZipFile zip = new ZipFile(this.path.toFile())) {
			ZipEntry entry = zip.getEntry(CLASSES + "application.properties");
			if (entry != null) {
				try (InputStream input = zip.getInputStream(entry)) {
					properties.load(input);
				}
			}
			entry = zip.getEntry(CLASSES + "application.yml");
			if (entry != null) {
				try (InputStream input = zip.getInputStream(entry)) {
					flatten("", new Yaml().load(input), properties);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Integer.parseInt(properties.getProperty("server.port", "8080"));
	}

	private static void flatten(String prefix, Object value, Properties target) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, child) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, child, target));
		}
		else if (value != null) {
			target.setProperty(prefix, value.toString());
		}
	}

	/**
	 * Calls the consumer with the name and content of every file of the given name found
	 * at the root of a packaged library, such as
	 * {@code META-INF/spring-configuration-metadata.json}.
	 * @param fileName the file's path inside each library
	 * @param consumer called with the library's entry name and the file's bytes
	 */
	void forEachLibraryFile(String fileName, BiConsumer<String, byte[]> consumer) {
		try (ZipFile zip = new ZipFile(this.path.toFile())) {
			for (ZipEntry library : zip.stream().filter(ServiceJar::isLibrary).toList()) {
				try (ZipInputStream nested = new ZipInputStream(zip.getInputStream(library))) {
					for (ZipEntry entry = nested.getNextEntry(); entry != null; entry = nested.getNextEntry()) {
						if (entry.getName().equals(fileName)) {
							consumer.accept(library.getName(), nested.readAllBytes());
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isLibrary(ZipEntry entry) {
		return entry.getName().startsWith(LIBRARIES) && entry.getName().endsWith(".jar");
	}

	/**
	 * Extracts the service's classes and libraries into a directory, as a class path.
	 * @param directory an empty directory
	 * @return the class path entries: the classes directory and every library
	 */
	List<Path> extractClassPath(Path directory) {
		List<Path> classPath = new ArrayList<>();
		classPath.add(directory.resolve("classes"));
		try (ZipFile zip = new ZipFile(this.path.toFile())) {
			for (ZipEntry entry : zip.stream().filter((entry) -> !entry.isDirectory()).toList()) {
				Path target = extractedPath(directory, entry.getName());
				if (target != null) {
					Files.createDirectories(target.getParent());
					try (InputStream input = zip.getInputStream(entry)) {
						Files.copy(input, target);
					}
					if (isLibrary(entry)) {
						classPath.add(target);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return classPath;
	}

	private static @Nullable Path extractedPath(Path directory, String entryName) {
		if (entryName.startsWith(CLASSES)) {
			return directory.resolve("classes").resolve(entryName.substring(CLASSES.length())).normalize();
		}
		if (entryName.startsWith(LIBRARIES)) {
			return directory.resolve("lib").resolve(entryName.substring(LIBRARIES.length())).normalize();
		}
		return null;
	}

	private List<String> entryNames() {
		try (ZipFile zip = new ZipFile(this.path.toFile())) {
			return zip.stream().map(ZipEntry::getName).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
