package io.cachepair.api.catalog;

import io.cachepair.api.cacheclient.ContentETag;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Serialises catalog responses with the application's JSON mapper, so that every path
 * that sends a product sends the same bytes for it.
 */
@Component
class ProductJson {

	static final String CONTENT_TYPE = MediaType.APPLICATION_JSON_VALUE;

	private final JsonMapper jsonMapper;

	ProductJson(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	byte[] write(ProductResponse product) {
		return this.jsonMapper.writeValueAsBytes(product);
	}

	byte[] write(ProductPageResponse page) {
		return this.jsonMapper.writeValueAsBytes(page);
	}

	/**
	 * Computes the entity tag that a read of the product would send.
	 */
	String etagOf(Product product) {
		return ContentETag.of(write(ProductResponse.from(product)));
	}

}
