package cn.wucheng.cq.imports.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.wucheng.cq.reminders.DueItem;
import cn.wucheng.cq.reminders.DueItemSource;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.security.Role;

/**
 * Reminds the legal section (法制科), on its page and through the reminders webhook, of each drop-folder file that
 * did not import ({@link DropFolder}), until a later file of the same list imports from the folder (a file whose list
 * was not recognised: until any later file imports). One query on the import history (issue 14: the drop folder's own
 * table is gone).
 */
@Component
class DropFolderDueItems implements DueItemSource {

	private final JdbcClient jdbc;

	DropFolderDueItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<DueItem> dueFor(CurrentUser user, LocalDate today) {
		if (user.role() != Role.LEGAL) {
			return List.of();
		}
		return jdbc.sql("""
				select f.file_name, coalesce(f.moved_to, '') as moved_to, json_array_length(f.errors::json) as problems,
				  f.imported_at
				from import_history f
				where f.source = 'INBOX' and f.status <> 'IMPORTED'
				  and not exists (select 1 from import_history s where s.source = 'INBOX' and s.id > f.id
				                  and s.status = 'IMPORTED' and (f.kind is null or s.kind = f.kind))
				order by f.id""")
			.query((rs, n) -> new DueItem("reminders.imports.dropFolderFailed",
					List.of(rs.getString("file_name"), Integer.toString(rs.getInt("problems")),
							rs.getString("moved_to")),
					"/imports", rs.getTimestamp("imported_at").toLocalDateTime().toLocalDate(), false))
			.list();
	}

}
