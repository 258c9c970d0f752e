package io.cachepair.cache.store.redis;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.cachepair.cache.RequiresDocker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Redis store scenarios on a Redis Cluster of three masters, where removal by
 * prefix, by tag and flush must reach every node and batch calls span slots.
 */
@RequiresDocker
class ClusterRedisStoreTests extends RedisStoreScenarios {

	// Created in @BeforeAll, not in a static initializer, so that a class skipped for
	// want of Docker never touches Docker.
	private static RedisContainers.FixedPortContainer cluster;

	@BeforeAll
	static void startCluster() {
		cluster = RedisContainers.cluster();
		cluster.start();
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.stop();
		}
	}

	@Override
	protected LettuceConnectionFactory connect() {
		List<String> nodes = cluster.ports().stream().map((port) -> "127.0.0.1:" + port).toList();
		return started(new LettuceConnectionFactory(new RedisClusterConfiguration(nodes)));
	}

	@Test
	void entriesSpreadOverThreeMasters() {
		for (int i = 0; i < 30; i++) {
			write("k" + i, "v");
		}
		try (RedisClusterConnection connection = this.factory.getClusterConnection()) {
			Set<String> owners = new HashSet<>();
			for (int i = 0; i < 30; i++) {
				RedisClusterNode node = connection.clusterGetNodeForKey(this.keys.entry(this.cache, "k" + i));
				owners.add(node.getId());
			}
			long masters = 0;
			for (RedisClusterNode node : connection.clusterGetNodes()) {
				masters += node.isMaster() ? 1 : 0;
			}

			assertThat(masters).isEqualTo(3);
			assertThat(owners).hasSize(3);
		}
	}

}
