package cn.wucheng.cq.bureau;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The installation's bureaus (the table {@code bureau} has no policy: every bureau may know the others' names). A job
 * without a signed-in user that concerns every bureau — reminders, the webhook, clean-ups — runs once for each, within
 * it ({@link #forEach}).
 */
@Service
public class BureauDirectory {

	private static final Logger log = LoggerFactory.getLogger(BureauDirectory.class);

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
		return ofCity(all(), city);
	}

	/** Those of {@code bureaus} in one city, in their order; none for a null or blank city. */
	public static List<Bureau> ofCity(List<Bureau> bureaus, String city) {
		if (city == null || city.isBlank()) {
			return List.of();
		}
		return bureaus.stream().filter(b -> city.equals(b.city())).toList();
	}

	/** The cities that have a bureau, for the account administration's choice. */
	public List<String> cities() {
		return all().stream().map(Bureau::city).filter(c -> c != null && !c.isBlank()).distinct().sorted().toList();
	}

	/**
	 * Runs {@code work} once for each bureau, within it ({@link Bureaus#runAs}), in the order of their ids. A bureau
	 * whose work fails does not keep the others from theirs (one bureau's bad data must not cost a province its
	 * reminders): the failure is logged with the bureau, and the first is thrown once every bureau had its turn.
	 */
	public void forEach(Consumer<Bureau> work) {
		RuntimeException first = null;
		for (Bureau bureau : all()) {
			try {
				Bureaus.runAs(bureau.id(), () -> work.accept(bureau));
			}
			catch (RuntimeException e) {
				log.warn("work for bureau {} ({}) failed: {}", bureau.code(), bureau.name(), e.toString());
				if (first == null) {
					first = e;
				}
				else {
					first.addSuppressed(e);
				}
			}
		}
		if (first != null) {
			throw first;
		}
	}

	/**
	 * Runs {@code work} for the bureau inside the caller's transaction, which may have begun in another bureau: a
	 * connection carries the bureau set when it was handed out, so within one transaction the database's bureau
	 * ({@code cq.bureau}, which row-level security and the {@code bureau_id} defaults follow) is switched for this
	 * transaction only ({@code set_config(…, true)}) and set back afterwards; the application's ({@link Bureaus#runAs})
	 * follows too. One transaction can so write several bureaus' rows, all or nothing: a province's split import, a
	 * bureau opened with its catalogues and administrators, each bureau's part of the audit log.
	 */
	public <T> T withinTransaction(long bureauId, Supplier<T> work) {
		String before = jdbc.sql("select coalesce(current_setting('cq.bureau', true), '')")
			.query(String.class)
			.single();
		setLocally(String.valueOf(bureauId));
		T result;
		try {
			result = Bureaus.runAs(bureauId, work);
		}
		catch (RuntimeException e) {
			// the transaction may be aborted (a database error), which then refuses the setting back: the rollback
			// that follows undoes it anyway; the work's own failure is what the caller must see
			try {
				setLocally(before);
			}
			catch (RuntimeException suppressed) {
				e.addSuppressed(suppressed);
			}
			throw e;
		}
		setLocally(before);
		return result;
	}

	private void setLocally(String bureau) {
		jdbc.sql("select set_config('cq.bureau', ?, true)").param(bureau).query(String.class).single();
	}

}
