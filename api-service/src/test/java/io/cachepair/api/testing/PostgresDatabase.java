package io.cachepair.api.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One PostgreSQL container for the whole test run, started on first use and stopped when
 * the JVM exits, with a new empty database for each test class that requests one, so that
 * test classes neither see each other's rows nor pay for a container each.
 * <p>
 * The image is {@code postgres:16}; on machines without registry access,
 * {@code containers.sh} builds a local stand-in under that name.
 */
public final class PostgresDatabase {

	private static final DockerImageName IMAGE = DockerImageName.parse("postgres:16");

	private static final AtomicInteger databases = new AtomicInteger();

	private static PostgreSQLContainer container;

	private PostgresDatabase() {
	}

	/**
	 * Creates a new database and points the Spring data source and Flyway at it.
	 * @param registry the registry of a {@code @DynamicPropertySource} method
	 */
	public static void register(DynamicPropertyRegistry registry) {
		PostgreSQLContainer started = container();
		String name = "test_" + databases.incrementAndGet();
		createDatabase(started, name);
		String url = started.getJdbcUrl().replace("/" + started.getDatabaseName(), "/" + name);
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", started::getUsername);
		registry.add("spring.datasource.password", started::getPassword);
	}

	private static synchronized PostgreSQLContainer container() {
		if (container == null) {
			PostgreSQLContainer created = new PostgreSQLContainer(IMAGE);
			created.start();
			Runtime.getRuntime().addShutdownHook(new Thread(created::stop, "postgres-test-container-stop"));
			container = created;
		}
		return container;
	}

	private static void createDatabase(PostgreSQLContainer container, String name) {
		try (Connection connection = container.createConnection("");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Creating test database '" + name + "' failed", ex);
		}
	}

}
