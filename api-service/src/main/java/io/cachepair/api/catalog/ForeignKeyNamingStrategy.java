package io.cachepair.api.catalog;

import org.springframework.data.relational.core.mapping.DefaultNamingStrategy;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;

/**
 * Spring Data JDBC naming that calls the column referring to an aggregate root {@code
 *
<table>
 * _id}, as in {@code product_tag.product_id}, instead of the bare table name.
 * <p>
 * Naming the column here instead of in {@code @MappedCollection(idColumn = ...)} lets the
 * dialect apply its letter case, because Spring Data JDBC quotes explicit names as
 * written, and H2 keeps unquoted names in upper case while PostgreSQL keeps them in lower
 * case.
 */
class ForeignKeyNamingStrategy extends DefaultNamingStrategy {

	@Override
	public String getReverseColumnName(RelationalPersistentEntity<?> owner) {
		return getTableName(owner.getType()) + "_id";
	}

}
