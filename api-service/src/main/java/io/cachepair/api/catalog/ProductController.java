package io.cachepair.api.catalog;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import io.cachepair.api.cacheclient.CacheRead;
import io.cachepair.api.cacheclient.ContentETag;
import io.cachepair.api.web.InvalidHeaderException;
import io.cachepair.api.web.InvalidParameterException;
import io.cachepair.api.web.JsonResponses;
import io.cachepair.api.web.WellFormedText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The products API. Reads send the JSON bytes that came from the cache-service or from a
 * database load, and {@code X-Cache} names which; {@link JsonResponses} adds gzip and
 * handles {@code If-None-Match}. Writes check {@code If-Match} when the client sends it.
 */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "products")
class ProductController {

	static final String CACHE_STATUS_HEADER = JsonResponses.CACHE_STATUS_HEADER;

	private final ProductReadService reads;

	private final ProductWriteService writes;

	private final ProductJson json;

	private final JsonResponses responses;

	ProductController(ProductReadService reads, ProductWriteService writes, ProductJson json, JsonResponses responses) {
		this.reads = reads;
		this.writes = writes;
		this.json = json;
		this.responses = responses;
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read one product",
			description = "Sends ETag and X-Cache (HIT, MISS or BYPASS); 304 when If-None-Match lists the ETag.")
	@ApiResponse(responseCode = "200", description = "The product",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ProductResponse.class)))
	@ApiResponse(responseCode = "304", description = "If-None-Match lists the current ETag", content = @Content)
	@ApiResponse(responseCode = "404", description = "No product has the id")
	ResponseEntity<byte[]> findById(@PathVariable long id, WebRequest request) {
		return read(this.reads.findById(id), request);
	}

	@GetMapping
	@Operation(summary = "List one page of products",
			description = "Every given filter must match. Sorted by the sort parameter, by id without "
					+ "it, and by id among equal values. Sends ETag and X-Cache like a product read.")
	@ApiResponse(responseCode = "200", description = "The page, with the total number of matches",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ProductPageResponse.class)))
	@ApiResponse(responseCode = "400", description = "A parameter is invalid; the problem names it")
	ResponseEntity<byte[]> findPage(
			@Parameter(description = "Zero-based page number") @RequestParam(defaultValue = "0") @Min(0) int page,
			@Parameter(description = "Products per page, 1 to 100") @RequestParam(
					defaultValue = "20") @Min(1) @Max(PageQuery.MAX_SIZE) int size,
			@Parameter(description = "Only this category") @RequestParam(required = false) @Size(
					max = 64) @WellFormedText @Nullable String category,
			@Parameter(description = "Only products with this label; repeat for several, all required") @RequestParam(
					name = "tag", required = false) @Size(
							max = 10) @Nullable List<@NotBlank @Size(max = 64) @WellFormedText String> tags,
			@Parameter(
					description = "Words that must each occur in the name or description, ignoring case") @RequestParam(
							name = "q",
							required = false) @Size(max = 100) @WellFormedText(multiline = true) @Nullable String query,
			@Parameter(description = "Lowest price, inclusive") @RequestParam(
					required = false) @DecimalMin("0") @Digits(integer = 10,
							fraction = 2) @Nullable BigDecimal minPrice,
			@Parameter(description = "Highest price, inclusive") @RequestParam(
					required = false) @DecimalMin("0") @Digits(integer = 10,
							fraction = 2) @Nullable BigDecimal maxPrice,
			@Parameter(description = "id, name, price or updatedAt, optionally with ,asc or ,desc") @RequestParam(
					defaultValue = "id") @Pattern(regexp = ProductSort.PATTERN,
							message = "must be id, name, price or updatedAt, optionally followed by ,asc or ,desc") String sort,
			WebRequest request) {
		ProductFilter filter = ProductFilter.of(category, tags, query, minPrice, maxPrice);
		if (filter.hasEmptyPriceRange()) {
			throw new InvalidParameterException("minPrice", "must not be greater than maxPrice");
		}
		return read(this.reads.findPage(new PageQuery(filter, ProductSort.parse(sort), page, size)), request);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a product", description = "201 with Location and ETag; 409 on a duplicate SKU.")
	@ApiResponse(responseCode = "201", description = "The created product",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ProductResponse.class)))
	@ApiResponse(responseCode = "400", description = "The body is invalid; the problem names each bad field")
	@ApiResponse(responseCode = "409", description = "Another product has the SKU")
	ResponseEntity<byte[]> create(@Valid @RequestBody ProductRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		rejectCondition(HttpHeaders.IF_MATCH, ifMatch, "a create has no current ETag to compare, so send none.");
		rejectCondition(HttpHeaders.IF_NONE_MATCH, ifNoneMatch,
				"a create has no current ETag to compare, so send none.");
		Product created = this.writes.create(request);
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.buildAndExpand(created.requireId())
			.toUri();
		return written(ResponseEntity.created(location), created);
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace a product",
			description = "With If-Match, 412 when the product changed since the client read that ETag.")
	@ApiResponse(responseCode = "200", description = "The stored product",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ProductResponse.class)))
	@ApiResponse(responseCode = "412", description = "If-Match lists no current ETag; nothing changed")
	ResponseEntity<byte[]> replace(@PathVariable long id, @Valid @RequestBody ProductRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		rejectCondition(HttpHeaders.IF_NONE_MATCH, ifNoneMatch,
				"writes are guarded by If-Match with the ETag of the last read; If-None-Match applies to reads.");
		JsonResponses.requireValidIfMatch(ifMatch);
		return written(ResponseEntity.ok(), this.writes.replace(id, request, ifMatch));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a product",
			description = "With If-Match, 412 when the product changed since the client read that ETag.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "412", description = "If-Match lists no current ETag; nothing changed")
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		rejectCondition(HttpHeaders.IF_NONE_MATCH, ifNoneMatch,
				"writes are guarded by If-Match with the ETag of the last read; If-None-Match applies to reads.");
		JsonResponses.requireValidIfMatch(ifMatch);
		this.writes.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Rejects a conditional header that a write cannot honour, rather than ignoring it
	 * while the write changes the product.
	 */
	private static void rejectCondition(String header, @Nullable String value, String expected) {
		if (value != null) {
			throw new InvalidHeaderException(header, value, expected);
		}
	}

	private ResponseEntity<byte[]> read(CacheRead read, WebRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(CACHE_STATUS_HEADER, read.status().name());
		JsonResponses.TaggedJson json = new JsonResponses.TaggedJson(read.value(),
				MediaType.parseMediaType(read.contentType()), read.etag());
		return this.responses.read(json, request, headers);
	}

	private ResponseEntity<byte[]> written(ResponseEntity.BodyBuilder response, Product product) {
		byte[] body = this.json.write(ProductResponse.from(product));
		return response.contentType(MediaType.APPLICATION_JSON).eTag(ContentETag.of(body)).body(body);
	}

}
