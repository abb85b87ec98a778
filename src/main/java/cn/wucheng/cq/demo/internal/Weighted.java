package cn.wucheng.cq.demo.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Items drawn with given relative weights (selection weights only: nothing here is points). */
final class Weighted<T> {

	private final List<T> items = new ArrayList<>();

	private double[] cumulative = new double[8];

	private double total;

	Weighted<T> add(T item, double weight) {
		if (weight <= 0) {
			throw new IllegalArgumentException("weight must be positive");
		}
		if (items.size() == cumulative.length) {
			cumulative = Arrays.copyOf(cumulative, cumulative.length * 2);
		}
		total += weight;
		cumulative[items.size()] = total;
		items.add(item);
		return this;
	}

	T pick(SplittableRandom random) {
		if (items.isEmpty()) {
			throw new IllegalStateException("nothing to pick from");
		}
		double x = random.nextDouble() * total;
		int i = Arrays.binarySearch(cumulative, 0, items.size(), x);
		int at = i >= 0 ? i + 1 : -i - 1;
		return items.get(Math.min(at, items.size() - 1));
	}

	/** A pick different from {@code not} (which must not be the only item). */
	T pickOther(SplittableRandom random, T not) {
		for (int i = 0; i < 64; i++) {
			T t = pick(random);
			if (!t.equals(not)) {
				return t;
			}
		}
		// Weights so lopsided that 64 draws failed: take the next item in order.
		int at = items.indexOf(not);
		return items.get((at + 1) % items.size());
	}

	List<T> items() {
		return items;
	}

	int size() {
		return items.size();
	}

	boolean isEmpty() {
		return items.isEmpty();
	}

}
