package io.cachepair.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Requires text that every supported database stores as it was sent: well-formed UTF-16,
 * so no unpaired surrogate, which PostgreSQL's driver would replace with {@code ?}, and
 * no control character, such as NUL, which PostgreSQL rejects. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = WellFormedTextValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface WellFormedText {

	/**
	 * Whether tab, line feed and carriage return are allowed, the only control characters
	 * that multi-line text needs.
	 * @return whether those three are allowed
	 */
	boolean multiline() default false;

	String message() default "must not contain control characters or unpaired surrogates";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
