package io.cachepair.cache.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cachepair.cache.contract.CacheHttpClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cache-service.token=token-that-must-not-be-logged", "logging.level.io.cachepair=TRACE",
				"logging.level.org.springframework.web=DEBUG", "logging.level.org.apache.tomcat=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class LogSecrecyTests {

	private static final String VALUE = "value-that-must-not-be-logged";

	private static final String KEY = "key-that-must-not-be-logged";

	@LocalServerPort
	private int port;

	@Test
	void logsNeverContainValuesKeysOrTokens(CapturedOutput output) {
		CacheHttpClient client = new CacheHttpClient(this.port);
		String authorization = "Bearer token-that-must-not-be-logged";

		client.put("/v1/caches/secrets/entries/" + KEY + "?ttl=1h", VALUE, "Authorization", authorization);
		client.get("/v1/caches/secrets/entries/" + KEY, "Authorization", authorization);
		client.put("/v1/caches/secrets/entries/" + KEY + "?ttl=0", VALUE, "Authorization", authorization);
		client.put("/v1/caches/secrets/entries/" + KEY, VALUE, "Authorization", "Bearer wrong-" + VALUE);
		client.send("POST", "/v1/caches/secrets/batch/put",
				("{\"entries\": [{\"key\": \"" + KEY + "\", \"text\": \"" + VALUE + "\"}]}").getBytes(), "Content-Type",
				"application/json", "Authorization", authorization);
		client.send("POST", "/v1/caches/secrets/batch/put", ("{\"entries\": [{\"text\": \"" + VALUE + "\"").getBytes(),
				"Content-Type", "application/json", "Authorization", authorization);

		assertThat(output.getAll()).doesNotContain(VALUE);
		assertThat(output.getAll()).doesNotContain("token-that-must-not-be-logged");
		assertThat(output.getAll()).doesNotContain(KEY);
	}

	@Test
	void actuatorExposesOnlyHealthInfoAndPrometheus() {
		CacheHttpClient client = new CacheHttpClient(this.port);

		for (String endpoint : new String[] { "env", "beans", "heapdump", "configprops", "loggers", "threaddump",
				"mappings", "shutdown" }) {
			assertThat(client.get("/actuator/" + endpoint).statusCode()).as(endpoint).isEqualTo(404);
		}
		assertThat(client.get("/actuator/info").statusCode()).isEqualTo(200);
	}

}
