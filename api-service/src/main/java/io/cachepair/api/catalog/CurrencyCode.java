package io.cachepair.api.catalog;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Requires an ISO 4217 currency code listed in the JDK's currency table, such as
 * {@code EUR}. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = CurrencyCodeValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface CurrencyCode {

	String message() default "must be an ISO 4217 code of three capital letters, such as EUR";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
