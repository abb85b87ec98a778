package cn.wucheng.cq.shared.internal;

import java.util.List;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.wucheng.cq.shared.DataCache;

/**
 * The one cache manager: Spring's cache with Caffeine, one bounded cache per {@link DataCache} (maximum size or rows, and
 * expiry after {@link DataCache#IDLE} unread), no cache created on the fly. Each is a {@link ComputedOnce}: concurrent
 * readers of the same key share one computation, and nothing computed inside a writing transaction is kept.
 */
@Configuration(proxyBeanMethods = false)
class CacheConfig {

	@Bean
	CacheManager cacheManager() {
		CaffeineCacheManager manager = new CaffeineCacheManager() {
			@Override
			protected Cache adaptCaffeineCache(String name, AsyncCache<Object, Object> cache) {
				return new ComputedOnce(name, cache);
			}
		};
		manager.setAsyncCacheMode(true);
		manager.setAllowNullValues(false);
		manager.setCacheNames(List.of()); // only the caches below: a misspelt name fails instead of growing unbounded
		for (DataCache cache : DataCache.values()) {
			Caffeine<Object, Object> builder = Caffeine.newBuilder();
			if (cache.weighed()) {
				builder.maximumWeight(cache.maximum()).weigher((key, value) -> DataCache.rows(value));
			}
			else {
				builder.maximumSize(cache.maximum());
			}
			manager.registerCustomCache(cache.cacheName(), builder.expireAfterAccess(cache.idle())
				// evictions and expiries are done by the threads that use the cache, not a common pool's
				.executor(Runnable::run)
				.recordStats()
				.buildAsync());
		}
		return manager;
	}

}
