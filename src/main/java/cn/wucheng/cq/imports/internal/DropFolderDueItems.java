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
 * was not recognised: until any later file imports). One query.
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
				select f.file_name, f.moved_to, f.problems, f.imported_at from drop_folder_import f
				where f.status <> 'IMPORTED'
				  and not exists (select 1 from drop_folder_import s where s.id > f.id and s.status = 'IMPORTED'
				                  and (f.kind is null or s.kind = f.kind))
				order by f.id""")
			.query((rs, n) -> new DueItem("reminders.imports.dropFolderFailed",
					List.of(rs.getString("file_name"), Integer.toString(rs.getInt("problems")),
							rs.getString("moved_to")),
					"/imports", rs.getTimestamp("imported_at").toLocalDateTime().toLocalDate(), false))
			.list();
	}

}
