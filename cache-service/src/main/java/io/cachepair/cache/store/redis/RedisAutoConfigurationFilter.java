package io.cachepair.cache.store.redis;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import io.cachepair.cache.settings.CacheServiceProperties.StoreType;

/**
 * Leaves out Spring Boot's Redis auto-configuration, with its connection factory and
 * health indicator, unless the Redis store is selected, so that the memory store starts
 * and reports healthy with no Redis around.
 */
public class RedisAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	private static final String REDIS_AUTO_CONFIGURATION_PACKAGE = "org.springframework.boot.data.redis.autoconfigure.";

	private boolean redisStore;

	@Override
	public void setEnvironment(Environment environment) {
		this.redisStore = Binder.get(environment)
			.bind("cache-service.store", StoreType.class)
			.map((store) -> store == StoreType.REDIS)
			.orElse(false);
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			String candidate = autoConfigurationClasses[i];
			matches[i] = this.redisStore || candidate == null
					|| !candidate.startsWith(REDIS_AUTO_CONFIGURATION_PACKAGE);
		}
		return matches;
	}

}
