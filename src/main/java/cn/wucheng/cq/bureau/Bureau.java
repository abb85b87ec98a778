package cn.wucheng.cq.bureau;

/** One bureau of the installation (table {@code bureau}, migration 9.00). */
public record Bureau(long id, String code, String name) {
}
