package cn.wucheng.cq.demo.internal;

import java.util.SplittableRandom;

/**
 * Independent random streams per bureau and purpose, all from the spec's seed, so changing the number of cases
 * does not change the people, and bureau 7 is the same whether 10 or 100 bureaus are generated.
 */
final class Seeds {

	static final int STAFF = 1;

	static final int CASES = 2;

	private Seeds() {
	}

	static SplittableRandom stream(long seed, int bureau, int purpose) {
		return new SplittableRandom(mix(seed ^ mix(0x9E3779B97F4A7C15L * (bureau + 1L) + purpose)));
	}

	/** SplitMix64's finaliser. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
