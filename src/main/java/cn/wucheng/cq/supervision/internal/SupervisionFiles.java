package cn.wucheng.cq.supervision.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * Evidence files of tasks and photos of meetings: checked by size and by content before anything is
 * stored, listed and downloaded within the user's data scope (a squad role sees his squad's uploads), deleted by the
 * legal section or supervision. Every upload and deletion is audited.
 */
@Service
class SupervisionFiles {

	private static final String SELECT = """
			select f.id, f.task_id, f.meeting_id, f.unit_id, u.name as unit_name, f.original_name, f.file_type,
			       f.size_bytes, f.stored_name, f.uploaded_by, f.uploaded_at
			from supervision_file f left join unit u on u.id = f.unit_id
			""";

	private final JdbcClient jdbc;

	private final EvidenceStore store;

	private final AuditLog audit;

	private final Refusals refusals;

	private final Clock clock;

	SupervisionFiles(JdbcClient jdbc, EvidenceStore store, AuditLog audit, Refusals refusals, Clock clock) {
		this.refusals = refusals;
		this.jdbc = jdbc;
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	long maxSizeBytes() {
		return store.maxSize().toBytes();
	}

	/** Evidence of a task for the user: everything for readers of all, his squad's for a squad role. */
	List<EvidenceFile> ofTask(long taskId, CurrentUser user) {
		return list("f.task_id = :owner", taskId, user);
	}

	List<EvidenceFile> ofMeeting(long meetingId, CurrentUser user) {
		return list("f.meeting_id = :owner", meetingId, user);
	}

	/** Evidence counts per task for the board: one query. */
	java.util.Map<Long, Integer> countsPerTask(CurrentUser user) {
		java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
		String scope = user.readsAll() ? "" : " and f.unit_id = :unit";
		JdbcClient.StatementSpec spec = jdbc
			.sql("select f.task_id, count(*) as n from supervision_file f where f.task_id is not null" + scope
					+ " group by f.task_id");
		if (!user.readsAll()) {
			spec = spec.param("unit", user.unitFilter().orElse(-1L));
		}
		spec.query((rs, n) -> counts.put(rs.getLong("task_id"), rs.getInt("n"))).list();
		return counts;
	}

	/** A file the user may see, or 404. */
	EvidenceFile get(long id, CurrentUser user) {
		Optional<EvidenceFile> f = jdbc.sql(SELECT + " where f.id = :id").param("id", id).query(SupervisionFiles::row).optional();
		return f.filter(e -> visible(e, user)).orElseThrow(() -> Refusal.of("supervision.notFound.file").withStatus(HttpStatus.NOT_FOUND));
	}

	Path path(EvidenceFile file) {
		return store.path(file.storedName());
	}

	/**
	 * Stores an upload for a task or a meeting after checking it: not empty, within the size limit, its content one
	 * of the accepted types (photos only for a meeting) and its name's extension matching the content.
	 * @param unitId the squad the file belongs to, or null for the bureau's own
	 */
	@Transactional
	EvidenceFile upload(Long taskId, Long meetingId, Long unitId, MultipartFile file, String owner) {
		if (file == null) {
			throw Refusal.of("supervision.refused.noFile");
		}
		String name = safeName(file.getOriginalFilename());
		if (file.isEmpty()) {
			throw Refusal.of("supervision.refused.emptyFile", name);
		}
		long limit = store.maxSize().toBytes();
		if (file.getSize() > limit) {
			throw Refusal.of("supervision.refused.tooLarge", name, mb(file.getSize()), mb(limit));
		}
		byte[] content;
		try {
			content = file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (content.length > limit) {
			throw Refusal.of("supervision.refused.tooLarge", name, mb(content.length), mb(limit));
		}
		FileType type = FileType.detect(content)
			.orElseThrow(() -> Refusal.of("supervision.refused.unknownType", name));
		Optional<FileType> claimed = FileType.ofName(name);
		if (claimed.isEmpty() || claimed.get() != type) {
			throw Refusal.of("supervision.refused.extensionMismatch", name, type.label(), type.extensions().get(0));
		}
		if (meetingId != null && !type.isPhoto()) {
			throw Refusal.of("supervision.refused.notAPhoto", name, type.label());
		}
		EvidenceStore.Stored stored = store.write(content);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					store.delete(stored.storedName());
				}
			}

		});
		jdbc.sql("""
				insert into supervision_file (task_id, meeting_id, unit_id, original_name, stored_name, file_type,
				  size_bytes, sha256, uploaded_by, uploaded_at)
				values (:task, :meeting, :unit, :name, :stored, :type, :size, :sha, :by, :at)""")
			.param("task", taskId)
			.param("meeting", meetingId)
			.param("unit", unitId)
			.param("name", name)
			.param("stored", stored.storedName())
			.param("type", type.name())
			.param("size", (long) content.length)
			.param("sha", stored.sha256())
			.param("by", CurrentUser.get().username())
			.param("at", LocalDateTime.now(clock))
			.update();
		EvidenceFile saved = jdbc.sql(SELECT + " where f.stored_name = :stored")
			.param("stored", stored.storedName())
			.query(SupervisionFiles::row)
			.single();
		audit.record("SUPERVISION_FILE_UPLOADED", "supervision_file", String.valueOf(saved.id()),
				refusals.message("supervision.audit.fileUploaded", owner, name, type.label(), content.length, stored.sha256()),
				null, "file=" + name);
		return saved;
	}

	/** Deletes a file (legal section or supervision); the stored content goes once the deletion is committed. */
	@Transactional
	EvidenceFile delete(long id, CurrentUser user, String owner) {
		EvidenceFile f = get(id, user);
		jdbc.sql("delete from supervision_file where id = :id").param("id", id).update();
		audit.record("SUPERVISION_FILE_DELETED", "supervision_file", String.valueOf(id),
				owner + "：" + f.originalName(), "file=" + f.originalName() + "\nuploadedBy=" + f.uploadedBy(), null);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				store.delete(f.storedName());
			}

		});
		return f;
	}

	/**
	 * The name shown and sent back on download: the last path segment only (a name like {@code ../../x.png} or
	 * {@code C:\x\y.png} becomes {@code x.png} / {@code y.png}), without control characters, at most 255 characters.
	 * It is never used as a path.
	 */
	static String safeName(String original) {
		String n = original == null ? "" : original;
		n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
		n = n.replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (n.isEmpty() || n.equals(".") || n.equals("..")) {
			n = "file";
		}
		return n.length() > 255 ? n.substring(n.length() - 255) : n;
	}

	private List<EvidenceFile> list(String where, long owner, CurrentUser user) {
		if (!user.readsAll() && user.unitFilter().isEmpty()) {
			return List.of();
		}
		String scope = user.readsAll() ? "" : " and f.unit_id = :unit";
		JdbcClient.StatementSpec spec = jdbc.sql(SELECT + " where " + where + scope + " order by f.uploaded_at, f.id")
			.param("owner", owner);
		if (!user.readsAll()) {
			spec = spec.param("unit", user.unitFilter().get());
		}
		return spec.query(SupervisionFiles::row).list();
	}

	private static boolean visible(EvidenceFile f, CurrentUser user) {
		return user.readsAll() || f.unitId() != null && user.unitFilter().map(u -> u.equals(f.unitId())).orElse(false);
	}

	/** A size for people: KB below 1 MB, else MB, one decimal. */
	static String mb(long bytes) {
		return bytes < 1024 * 1024 ? String.format("%.1f KB", bytes / 1024.0)
				: String.format("%.1f MB", bytes / (1024.0 * 1024.0));
	}

	private static EvidenceFile row(ResultSet rs, int n) throws SQLException {
		return new EvidenceFile(rs.getLong("id"), (Long) rs.getObject("task_id", Long.class),
				rs.getObject("meeting_id", Long.class), rs.getObject("unit_id", Long.class), rs.getString("unit_name"),
				rs.getString("original_name"), FileType.valueOf(rs.getString("file_type")), rs.getLong("size_bytes"),
				rs.getString("stored_name"), rs.getString("uploaded_by"),
				rs.getTimestamp("uploaded_at").toLocalDateTime());
	}

}
