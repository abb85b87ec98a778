package cn.wucheng.cq.bureau;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The installation's bureaus (the table {@code bureau} has no policy: every bureau may know the others' names). A job
 * without a signed-in user that concerns every bureau — reminders, the webhook, clean-ups — runs once for each, within
 * it ({@link #forEach}).
 */
@Service
public class BureauDirectory {

	private final JdbcClient jdbc;

	BureauDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Bureau> all() {
		return jdbc.sql("select id, code, name, city from bureau order by id")
			.query((rs, n) -> new Bureau(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** The bureaus of one city, in the order of their ids (issue 16 item 3); none for a null or blank city. */
	public List<Bureau> ofCity(String city) {
		if (city == null || city.isBlank()) {
			return List.of();
		}
		return all().stream().filter(b -> city.equals(b.city())).toList();
	}

	/** The cities that have a bureau, for the account administration's choice. */
	public List<String> cities() {
		return all().stream().map(Bureau::city).filter(c -> c != null && !c.isBlank()).distinct().sorted().toList();
	}

	/** Runs {@code work} once for each bureau, within it ({@link Bureaus#runAs}), in the order of their ids. */
	public void forEach(Consumer<Bureau> work) {
		for (Bureau bureau : all()) {
			Bureaus.runAs(bureau.id(), () -> work.accept(bureau));
		}
	}

}
