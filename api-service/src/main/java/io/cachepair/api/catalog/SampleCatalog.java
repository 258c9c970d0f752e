package io.cachepair.api.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

/**
 * Generator of a realistic sample catalog. The same size and seed always give the same
 * products, with ids from 1 and SKUs such as {@code LAP-000001}.
 */
final class SampleCatalog {

	private static final Instant FIRST_CREATED = Instant.parse("2024-01-01T00:00:00Z");

	private static final Duration CREATION_SPAN = Duration.ofDays(700);

	private static final Duration UPDATE_SPAN = Duration.ofDays(120);

	private static final List<String> BRANDS = List.of("Northwind", "Kestrel", "Lumen", "Orbit", "Tandem", "Vireo",
			"Halcyon", "Quarry", "Sable", "Brightwater", "Fjord", "Corvid");

	private static final List<String> LINES = List.of("Air", "Pro", "Flex", "Max", "Go", "Lite", "One", "Studio",
			"Edge", "Prime");

	/**
	 * Currencies with their weights: most prices are in euros.
	 */
	private static final List<String> CURRENCIES = List.of("EUR", "EUR", "EUR", "EUR", "EUR", "EUR", "EUR", "USD",
			"USD", "GBP");

	/**
	 * Price endings in cents, such as 19.99 or 25.00.
	 */
	private static final List<Integer> PRICE_ENDINGS = List.of(0, 49, 90, 95, 99, 99);

	private static final List<SampleCategory> CATEGORIES = List.of(
			new SampleCategory("laptops", "LAP",
					List.of("Ultrabook", "Workstation Laptop", "Chromebook", "Convertible"), 399, 3499,
					List.of("portable", "oled", "thunderbolt", "backlit-keyboard", "business", "linux")),
			new SampleCategory("monitors", "MON", List.of("Monitor", "Curved Monitor", "Portable Display"), 109, 1899,
					List.of("4k", "144hz", "usb-c", "hdr", "ergonomic", "ips")),
			new SampleCategory("keyboards", "KEY", List.of("Mechanical Keyboard", "Wireless Keyboard", "Keypad"), 19,
					249, List.of("wireless", "mechanical", "backlit", "compact", "ergonomic", "hot-swap")),
			new SampleCategory("headphones", "HPH", List.of("Over-Ear Headphones", "Earbuds", "Headset"), 15, 549,
					List.of("wireless", "noise-cancelling", "bluetooth", "microphone", "sport", "hi-res")),
			new SampleCategory("cameras", "CAM", List.of("Mirrorless Camera", "Action Camera", "Webcam", "Lens"), 39,
					4299, List.of("4k", "waterproof", "stabilised", "full-frame", "wifi", "compact")),
			new SampleCategory("smartphones", "PHN", List.of("Smartphone", "Rugged Phone", "Foldable Phone"), 129, 1999,
					List.of("5g", "dual-sim", "oled", "waterproof", "wireless-charging", "refurbished")),
			new SampleCategory("kitchen", "KIT", List.of("Blender", "Kettle", "Toaster", "Stand Mixer", "Air Fryer"),
					12, 899, List.of("stainless-steel", "dishwasher-safe", "energy-saving", "compact", "timer")),
			new SampleCategory("coffee", "COF", List.of("Espresso Machine", "Grinder", "Pour-Over Set", "Milk Frother"),
					9, 2499, List.of("barista", "programmable", "burr", "compact", "stainless-steel")),
			new SampleCategory("outdoor", "OUT", List.of("Tent", "Backpack", "Sleeping Bag", "Trekking Poles"), 14, 799,
					List.of("waterproof", "lightweight", "ultralight", "four-season", "recycled")),
			new SampleCategory("fitness", "FIT", List.of("Yoga Mat", "Kettlebell", "Rowing Machine", "Smartwatch"), 9,
					1599, List.of("heart-rate", "gps", "non-slip", "foldable", "adjustable")));

	private SampleCatalog() {
	}

	/**
	 * Generates the sample products, with ids 1 to {@code size}.
	 * @param size the number of products
	 * @param seed the seed of the random generator
	 * @return the products, ordered by id
	 */
	static List<Product> generate(int size, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		List<Product> products = new ArrayList<>(size);
		for (long id = 1; id <= size; id++) {
			products.add(generateProduct(id, random));
		}
		return products;
	}

	private static Product generateProduct(long id, SplittableRandom random) {
		SampleCategory category = pick(CATEGORIES, random);
		String name = "%s %s %s %d".formatted(pick(BRANDS, random), pick(LINES, random), pick(category.nouns(), random),
				2 + random.nextInt(98));
		Set<ProductTag> tags = pickTags(category, random);
		Instant createdAt = FIRST_CREATED.plusSeconds(random.nextLong(CREATION_SPAN.toSeconds()));
		Instant updatedAt = createdAt.plusSeconds(random.nextLong(UPDATE_SPAN.toSeconds()));
		return new Product(id, "%s-%06d".formatted(category.skuPrefix(), id), name, description(name, tags, random),
				price(category, random), pick(CURRENCIES, random), category.name(), tags, stock(random), createdAt,
				updatedAt, 0L);
	}

	private static Set<ProductTag> pickTags(SampleCategory category, SplittableRandom random) {
		int count = random.nextInt(4);
		Set<ProductTag> tags = new LinkedHashSet<>();
		for (int i = 0; i < count; i++) {
			tags.add(new ProductTag(pick(category.tags(), random)));
		}
		return tags;
	}

	/**
	 * Returns a description for nine products in ten, and none for the rest, so that the
	 * catalog has products without the optional field.
	 */
	private static @Nullable String description(String name, Set<ProductTag> tags, SplittableRandom random) {
		if (random.nextInt(10) == 0) {
			return null;
		}
		List<String> features = tags.stream().map(ProductTag::name).toList();
		return features.isEmpty() ? "The " + name + "." : "The " + name + ": " + String.join(", ", features) + ".";
	}

	private static BigDecimal price(SampleCategory category, SplittableRandom random) {
		long euros = category.minPrice() + random.nextLong(category.maxPrice() - category.minPrice() + 1);
		return BigDecimal.valueOf(euros * 100 + pick(PRICE_ENDINGS, random), 2);
	}

	/**
	 * Returns a stock level, zero for about one product in twelve.
	 */
	private static int stock(SplittableRandom random) {
		return (random.nextInt(12) == 0) ? 0 : 1 + random.nextInt(500);
	}

	private static <T> T pick(List<T> values, SplittableRandom random) {
		return values.get(random.nextInt(values.size()));
	}

	/**
	 * A category of the sample catalog, with what its products are called, cost and are
	 * labelled with.
	 */
	private record SampleCategory(String name, String skuPrefix, List<String> nouns, long minPrice, long maxPrice,
			List<String> tags) {

	}

}
