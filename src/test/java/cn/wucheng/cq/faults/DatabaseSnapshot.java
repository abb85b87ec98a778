package cn.wucheng.cq.faults;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * Every table of the application's schema with its row count and a SHA-256 checksum over its rows (sorted, so the
 * physical order does not matter): two snapshots are equal exactly when every table holds the same data.
 */
record DatabaseSnapshot(Map<String, String> tables) {

	static DatabaseSnapshot of(DataSource dataSource) {
		try (Connection c = dataSource.getConnection()) {
			List<String> names = new ArrayList<>();
			try (ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					names.add(rs.getString("TABLE_NAME"));
				}
			}
			Map<String, String> tables = new TreeMap<>();
			for (String table : names) {
				List<String> rows = new ArrayList<>();
				try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + table)) {
					int columns = rs.getMetaData().getColumnCount();
					while (rs.next()) {
						StringBuilder row = new StringBuilder();
						for (int i = 1; i <= columns; i++) {
							Object v = rs.getObject(i);
							row.append(v instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(v)).append('\u0001');
						}
						rows.add(row.toString());
					}
				}
				rows.sort(null);
				MessageDigest sha = MessageDigest.getInstance("SHA-256");
				rows.forEach(r -> sha.update(r.getBytes(StandardCharsets.UTF_8)));
				tables.put(table, rows.size() + " rows, sha256 " + HexFormat.of().formatHex(sha.digest()).substring(0, 16));
			}
			return new DatabaseSnapshot(tables);
		}
		catch (SQLException | NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	int rows(String table) {
		return Integer.parseInt(tables.get(table).split(" ")[0]);
	}

}
