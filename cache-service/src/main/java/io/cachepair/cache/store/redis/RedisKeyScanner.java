package io.cachepair.cache.store.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;

/**
 * Finds keys by pattern with {@code SCAN}, never {@code KEYS}: on every master of a
 * cluster, or on the one server otherwise, handing them over in batches so that memory
 * stays bounded however many keys match.
 */
final class RedisKeyScanner {

	private final RedisCommandRunner runner;

	private final int batchSize;

	RedisKeyScanner(RedisCommandRunner runner, int batchSize) {
		this.runner = runner;
		this.batchSize = batchSize;
	}

	/**
	 * Calls the consumer with each batch of keys that match the pattern. A key may come
	 * twice, and keys added or removed during the scan may or may not come at all.
	 * @param pattern the {@code MATCH} pattern
	 * @param consumer what to do with each batch
	 */
	void forEachBatch(byte[] pattern, Consumer<List<byte[]>> consumer) {
		ScanOptions options = ScanOptions.scanOptions().match(pattern).count(this.batchSize).build();
		this.runner.withConnection((connection) -> {
			if (connection instanceof RedisClusterConnection cluster) {
				for (RedisClusterNode node : cluster.clusterGetNodes()) {
					if (node.isMaster()) {
						drain(cluster.scan(node, options), consumer);
					}
				}
			}
			else {
				drain(connection.keyCommands().scan(options), consumer);
			}
			return null;
		});
	}

	private void drain(Cursor<byte[]> cursor, Consumer<List<byte[]>> consumer) {
		try (cursor) {
			List<byte[]> batch = new ArrayList<>(this.batchSize);
			while (cursor.hasNext()) {
				batch.add(cursor.next());
				if (batch.size() == this.batchSize) {
					consumer.accept(batch);
					batch = new ArrayList<>(this.batchSize);
				}
			}
			if (!batch.isEmpty()) {
				consumer.accept(batch);
			}
		}
	}

}
