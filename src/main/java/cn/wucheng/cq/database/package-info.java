/**
 * The database of an installation: PostgreSQL, the one engine. Unless {@code spring.datasource.url} names a server,
 * an embedded PostgreSQL runs under the data directory ({@code cq.data-dir}, {@code CQ_DATA_DIR}), durable and
 * restarted cleanly after the JVM was killed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package cn.wucheng.cq.database;
