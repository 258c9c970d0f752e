package io.cachepair.cache.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.cachepair.cache.contract.CacheHttpClient;

import static io.cachepair.cache.contract.CacheHttpClient.text;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTests {

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Test
	@SuppressWarnings("unchecked")
	void documentListsEveryCall() {
		String document = text(new CacheHttpClient(this.port).get("/openapi.yaml"));
		Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) new Yaml()
			.<Map<String, Object>>load(document)
			.get("paths");

		List<String> undocumented = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String path : info.getPatternValues()) {
				if (!path.startsWith("/v1/") || path.endsWith("/")) {
					continue;
				}
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					Map<String, Object> operations = paths.get(path);
					if (operations == null || !operations.containsKey(method.name().toLowerCase(Locale.ROOT))) {
						undocumented.add(method + " " + path);
					}
				}
			}
		}

		assertThat(undocumented).isEmpty();
		assertThat(paths).hasSize(8);
		// Entries are served by a filter ahead of Spring MVC, so they are checked by
		// name.
		assertThat(paths.get("/v1/caches/{cache}/entries/{key}")).containsKeys("get", "head", "put", "delete");
	}

}
