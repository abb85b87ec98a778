package cn.wucheng.cq.bureau;

/**
 * One bureau of the installation (table {@code bureau}, migration 9.00), with the city it belongs to (9.30, issue 16
 * item 3: a city's accounts compare the bureaus of their city; null when none is named).
 */
public record Bureau(long id, String code, String name, String city) {
}
