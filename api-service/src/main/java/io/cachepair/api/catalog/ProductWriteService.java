package io.cachepair.api.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.cachepair.api.cacheclient.ReadThroughCache;
import io.cachepair.api.web.JsonResponses;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Creates, replaces and deletes products. Each write commits to the database first and
 * then invalidates the cache-service entries it makes stale, as {@link CatalogCaches}
 * describes, before it returns, so that a client reads its own write.
 */
@Service
class ProductWriteService {

	private final ProductRepository repository;

	private final ReadThroughCache cache;

	private final ProductJson json;

	private final Clock clock;

	private final CatalogProperties properties;

	ProductWriteService(ProductRepository repository, ReadThroughCache cache, ProductJson json, Clock clock,
			CatalogProperties properties) {
		this.repository = repository;
		this.cache = cache;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Creates a product.
	 * @param request the new product
	 * @return the stored product, with its id
	 * @throws DuplicateSkuException if another product has the SKU
	 */
	Product create(ProductRequest request) {
		if (this.repository.existsBySku(request.sku())) {
			throw new DuplicateSkuException(request.sku(), null);
		}
		Product created = save(request.toNewProduct(now()), false);
		this.cache.invalidate(CatalogCaches.afterCreate(this.properties));
		return created;
	}

	/**
	 * Replaces a product, guarded by {@code If-Match} when the client sent one.
	 * @param id the product's id
	 * @param request the new content
	 * @param ifMatch the {@code If-Match} header, or {@code null}
	 * @return the stored product
	 * @throws ProductNotFoundException if no product has the id
	 * @throws ProductChangedException if the product no longer matches {@code If-Match},
	 * or another request changed it at the same time
	 * @throws DuplicateSkuException if another product has the new SKU
	 */
	Product replace(long id, ProductRequest request, @Nullable String ifMatch) {
		Product current = findMatching(id, ifMatch);
		if (!current.sku().equals(request.sku()) && this.repository.existsBySku(request.sku())) {
			throw new DuplicateSkuException(request.sku(), null);
		}
		Product replaced = save(request.toReplacement(current, now()), ifMatch != null);
		this.cache.invalidate(CatalogCaches.afterChange(id, this.properties));
		return replaced;
	}

	/**
	 * Deletes a product, guarded by {@code If-Match} when the client sent one.
	 * @param id the product's id
	 * @param ifMatch the {@code If-Match} header, or {@code null}
	 * @throws ProductNotFoundException if no product has the id
	 * @throws ProductChangedException if the product no longer matches {@code If-Match},
	 * or another request changed it at the same time
	 */
	void delete(long id, @Nullable String ifMatch) {
		Product current = findMatching(id, ifMatch);
		try {
			// Deleting the loaded aggregate checks its version, so a change committed
			// since the If-Match check makes the delete fail instead of losing it.
			this.repository.delete(current);
		}
		catch (OptimisticLockingFailureException ex) {
			throw ProductChangedException.concurrentUpdate(id, ifMatch != null, ex);
		}
		this.cache.invalidate(CatalogCaches.afterChange(id, this.properties));
	}

	/**
	 * Returns the current product after checking {@code If-Match} against the entity tags
	 * of its JSON, identity or gzip. Comparison is strong, as RFC 9110 requires, so a
	 * weak tag never matches.
	 */
	private Product findMatching(long id, @Nullable String ifMatch) {
		Product current = this.repository.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
		if (ifMatch != null && !JsonResponses.ifMatchHolds(ifMatch, this.json.etagOf(current))) {
			throw ProductChangedException.staleTag(id, ifMatch);
		}
		return current;
	}

	/**
	 * Saves the product and turns the database's refusals into problems: a unique
	 * constraint violation on the SKU, from a concurrent write that passed the duplicate
	 * check too, and a stale optimistic locking version.
	 */
	private Product save(Product product, boolean conditional) {
		try {
			return this.repository.save(product);
		}
		catch (RuntimeException ex) {
			if (hasCause(ex, DuplicateKeyException.class)) {
				throw new DuplicateSkuException(product.sku(), ex);
			}
			if (hasCause(ex, OptimisticLockingFailureException.class)) {
				throw ProductChangedException.concurrentUpdate(product.requireId(), conditional, ex);
			}
			throw ex;
		}
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns the current time in milliseconds, the precision that responses show.
	 */
	private Instant now() {
		return Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
	}

}
