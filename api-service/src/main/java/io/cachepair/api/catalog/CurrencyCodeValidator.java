package io.cachepair.api.catalog;

import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link CurrencyCode} against the currencies of the JDK's ISO 4217 table.
 */
public class CurrencyCodeValidator implements ConstraintValidator<CurrencyCode, String> {

	private static final Set<String> CODES = Currency.getAvailableCurrencies()
		.stream()
		.map(Currency::getCurrencyCode)
		.collect(Collectors.toUnmodifiableSet());

	@Override
	public boolean isValid(@Nullable String code, ConstraintValidatorContext context) {
		return code == null || CODES.contains(code);
	}

}
