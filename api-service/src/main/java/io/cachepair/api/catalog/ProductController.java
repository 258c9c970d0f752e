package io.cachepair.api.catalog;

import java.net.URI;

import io.cachepair.api.cacheclient.CacheRead;
import io.cachepair.api.cacheclient.ContentETag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The products API. Reads send the JSON bytes that came from the cache-service or from a
 * database load, and {@code X-Cache} names which. Spring MVC responds with 304 to a read
 * whose {@code If-None-Match} matches the {@code ETag}.
 */
@RestController
@RequestMapping("/api/v1/products")
class ProductController {

	static final String CACHE_STATUS_HEADER = "X-Cache";

	private final ProductReadService reads;

	private final ProductWriteService writes;

	private final ProductJson json;

	ProductController(ProductReadService reads, ProductWriteService writes, ProductJson json) {
		this.reads = reads;
		this.writes = writes;
		this.json = json;
	}

	@GetMapping("/{id}")
	ResponseEntity<byte[]> findById(@PathVariable long id) {
		return cached(this.reads.findById(id));
	}

	@GetMapping
	ResponseEntity<byte[]> findPage(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageQuery.MAX_SIZE) int size,
			@RequestParam(required = false) @Size(max = 64) @Nullable String category) {
		String categoryOrAll = (category == null || category.isBlank()) ? null : category;
		return cached(this.reads.findPage(new PageQuery(page, size, categoryOrAll)));
	}

	@PostMapping
	ResponseEntity<byte[]> create(@Valid @RequestBody ProductRequest request) {
		Product created = this.writes.create(request);
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.buildAndExpand(created.requireId())
			.toUri();
		return written(ResponseEntity.created(location), created);
	}

	@PutMapping("/{id}")
	ResponseEntity<byte[]> replace(@PathVariable long id, @Valid @RequestBody ProductRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return written(ResponseEntity.ok(), this.writes.replace(id, request, ifMatch));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.writes.delete(id);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<byte[]> cached(CacheRead read) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(read.contentType()))
			.eTag(read.etag())
			.header(CACHE_STATUS_HEADER, read.status().name())
			.body(read.value());
	}

	private ResponseEntity<byte[]> written(ResponseEntity.BodyBuilder response, Product product) {
		byte[] body = this.json.write(ProductResponse.from(product));
		return response.contentType(MediaType.APPLICATION_JSON).eTag(ContentETag.of(body)).body(body);
	}

}
