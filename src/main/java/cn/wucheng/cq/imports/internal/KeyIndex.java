package cn.wucheng.cq.imports.internal;

/**
 * The keys seen so far in a file, with the row of each, to report duplicates ("第 5 行已出现"). Holds a 64-bit hash per
 * key in open-addressing arrays: a million keys take about 24 MB instead of the ~120 MB of a HashMap of strings. Two
 * different keys share a hash with a probability of about 3·10⁻⁸ for a million rows.
 */
final class KeyIndex {

	private long[] hashes = new long[1024];

	private int[] rows = new int[1024];

	private int size;

	/** Remembers the key at this row; answers the row where it was first seen, or 0 if it is new. */
	int putIfAbsent(String key, int row) {
		if ((size + 1) * 2 > hashes.length) {
			grow();
		}
		long h = hash(key);
		int mask = hashes.length - 1;
		int i = (int) (h ^ (h >>> 32)) & mask;
		while (hashes[i] != 0) {
			if (hashes[i] == h) {
				return rows[i];
			}
			i = (i + 1) & mask;
		}
		hashes[i] = h;
		rows[i] = row;
		size++;
		return 0;
	}

	/** The row where the key was seen, or 0 if it was not. */
	int rowOf(String key) {
		long h = hash(key);
		int mask = hashes.length - 1;
		int i = (int) (h ^ (h >>> 32)) & mask;
		while (hashes[i] != 0) {
			if (hashes[i] == h) {
				return rows[i];
			}
			i = (i + 1) & mask;
		}
		return 0;
	}

	private void grow() {
		long[] oldHashes = hashes;
		int[] oldRows = rows;
		hashes = new long[oldHashes.length * 2];
		rows = new int[oldHashes.length * 2];
		int mask = hashes.length - 1;
		for (int j = 0; j < oldHashes.length; j++) {
			long h = oldHashes[j];
			if (h != 0) {
				int i = (int) (h ^ (h >>> 32)) & mask;
				while (hashes[i] != 0) {
					i = (i + 1) & mask;
				}
				hashes[i] = h;
				rows[i] = oldRows[j];
			}
		}
	}

	/** FNV-1a over the characters, then MurmurHash3's finaliser to spread the bits; never 0 (the empty slot). */
	static long hash(String key) {
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < key.length(); i++) {
			h ^= key.charAt(i);
			h *= 0x100000001b3L;
		}
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h == 0 ? 1 : h;
	}

}
