package cn.wucheng.cq.recording.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.cases.CaseFile;
import cn.wucheng.cq.cases.CaseFileRepository;
import cn.wucheng.cq.recording.RecordingCompliance;
import cn.wucheng.cq.rollout.Rollout;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;

/**
 * Records a case's videos, inquiries and disc archive. Who may: the legal section for any case; the
 * squad leader and legal officer of the case's unit; an officer who is the case's lead or co-handler. Supervision
 * and leaders read. A case outside the user's scope is "not found" (404). Every change checks the version the user
 * saw and is audited in the same transaction.
 */
@Service
class RecordingService {

	/** An inquiry on the case page, with who was present. */
	record InquiryRow(Inquiry inquiry, List<Present> present) {

		boolean auxiliaryPresent() {
			return present.stream().anyMatch(p -> !p.formal());
		}

	}

	private final CaseFileRepository cases;

	private final CaseVideoRepository videos;

	private final InquiryRepository inquiries;

	private final DiscArchiveRepository discs;

	private final Rollout rollout;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final RecordingCompliance compliance;

	/** The audit details' words. */
	private final Refusals text;

	RecordingService(CaseFileRepository cases, CaseVideoRepository videos, InquiryRepository inquiries,
			DiscArchiveRepository discs, Rollout rollout, JdbcClient jdbc, AuditLog audit, Clock clock,
			RecordingCompliance compliance, Refusals text) {
		this.compliance = compliance;
		this.text = text;
		this.cases = cases;
		this.videos = videos;
		this.inquiries = inquiries;
		this.discs = discs;
		this.rollout = rollout;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	// ------------------------------------------------------------------ scope

	/** The case if the user may see it, else 404. */
	CaseFile visibleCase(long caseId) {
		CaseFile c = cases.findById(caseId).orElseThrow(() -> notFound("recording.notFound.case"));
		if (!visible(CurrentUser.get(), c)) {
			throw notFound("recording.notFound.case");
		}
		return c;
	}

	static boolean visible(CurrentUser user, CaseFile c) {
		return switch (user.role().scope()) {
			case ALL -> true;
			case UNIT -> user.canSeeUnit(c.getUnitId());
			case SELF -> user.personId() != null
					&& (user.personId().equals(c.getLeadId()) || user.personId().equals(c.getCoId()));
			case NONE -> false;
		};
	}

	/** Whether the user records on this (visible) case: the legal section, the case's squad, its two handlers. */
	static boolean canRecord(CurrentUser user, CaseFile c) {
		return visible(user, c) && switch (user.role()) {
			case LEGAL, SQUAD_LEADER, LEGAL_OFFICER, OFFICER -> true;
			default -> false;
		};
	}

	private CaseFile recordableCase(long caseId) {
		CaseFile c = visibleCase(caseId);
		if (!canRecord(CurrentUser.get(), c)) {
			throw new AccessDeniedException("only the case's squad, its handlers or the legal section record");
		}
		return c;
	}

	// ------------------------------------------------------------------ reads

	List<CaseVideo> videos(long caseId) {
		return videos.findByCaseIdOrderByIdAsc(caseId);
	}

	/** The case's inquiries, newest first, with who was present: two queries. */
	List<InquiryRow> inquiries(long caseId) {
		List<Long> ids = jdbc.sql("select id from case_inquiry where case_id = ? order by held_on desc, id desc")
			.param(caseId)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Inquiry> byId = new HashMap<>();
		inquiries.findAllById(ids).forEach(i -> byId.put(i.getId(), i));
		Map<Long, List<Present>> present = new HashMap<>();
		jdbc.sql("""
				select a.inquiry_id, p.id, p.employee_no, p.name, p.category from case_inquiry_attendee a
				join person p on p.id = a.person_id where a.inquiry_id in (:ids)
				order by case when p.category = 'FORMAL' then 0 else 1 end, p.employee_no""")
			.param("ids", ids)
			.query(rs -> {
				present.computeIfAbsent(rs.getLong("inquiry_id"), k -> new ArrayList<>())
					.add(new Present(rs.getLong("id"), rs.getString("employee_no"), rs.getString("name"),
							"FORMAL".equals(rs.getString("category"))));
			});
		return ids.stream().map(id -> new InquiryRow(byId.get(id), present.getOrDefault(id, List.of()))).toList();
	}

	Optional<DiscArchive> disc(long caseId) {
		return discs.findByCaseId(caseId);
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	// ------------------------------------------------------------------ changes

	@Transactional
	CaseVideo addVideo(long caseId, String videoNo, VideoKind kind, RecordingStage stage) {
		CaseFile c = recordableCase(caseId);
		CaseVideo v = CaseVideo.record(caseId, videoNo, kind, stage, LocalDateTime.now(clock), CurrentUser.get().username());
		if (videos.findByCaseIdOrderByIdAsc(caseId).stream().anyMatch(o -> o.getVideoNo().equals(v.getVideoNo()))) {
			throw duplicateVideo(c, v);
		}
		CaseVideo saved;
		try {
			saved = videos.save(v);
		}
		catch (DuplicateKeyException e) {
			throw duplicateVideo(c, v);
		}
		audit.record("CASE_VIDEO_RECORDED", "case_video", key(c, saved.getId()), "R-50", null, saved.describe());
		return saved;
	}

	@Transactional
	void deleteVideo(long caseId, long videoId, Integer version) {
		CaseFile c = recordableCase(caseId);
		CaseVideo v = videos.findById(videoId)
			.filter(o -> o.getCaseId() == caseId)
			.orElseThrow(() -> notFound("recording.notFound.video"));
		requireVersion("case_video", videoId, v.getVersion(), version);
		videos.delete(v);
		audit.record("CASE_VIDEO_DELETED", "case_video", key(c, videoId), "R-50", v.describe(), null);
	}

	@Transactional
	Inquiry addInquiry(long caseId, Inquiry.Details details, String presentText) {
		CaseFile c = recordableCase(caseId);
		List<Present> present = present(presentText);
		boolean rulesApply = details.heldOn() == null || rollout.applies(c.getUnitId(), details.heldOn());
		Inquiry i = inquiries.save(Inquiry.record(c, details, present, rulesApply, LocalDate.now(clock), LocalDateTime.now(clock),
				CurrentUser.get().username()));
		audit.record("CASE_INQUIRY_RECORDED", "case_inquiry", key(c, i.getId()),
				rulesApply ? "R-51 R-11" : "R-71 " + text.message("recording.audit.beforeRollout"),
				null, i.describe(text));
		return i;
	}

	@Transactional
	void deleteInquiry(long caseId, long inquiryId, Integer version) {
		CaseFile c = recordableCase(caseId);
		Inquiry i = inquiries.findById(inquiryId)
			.filter(o -> o.getCaseId() == caseId)
			.orElseThrow(() -> notFound("recording.notFound.inquiry"));
		requireVersion("case_inquiry", inquiryId, i.getVersion(), version);
		inquiries.delete(i);
		audit.record("CASE_INQUIRY_DELETED", "case_inquiry", key(c, inquiryId), "R-51", i.describe(text), null);
	}

	/** Records the disc, or changes it when one is recorded (then the version must match the one the user saw). */
	@Transactional
	DiscArchive archiveDisc(long caseId, String discNo, LocalDate archivedOn, Integer version) {
		CaseFile c = recordableCase(caseId);
		Optional<DiscArchive> existing = discs.findByCaseId(caseId);
		if (existing.isEmpty()) {
			if (version != null) { // the user saw a disc that someone has removed since
				throw new OptimisticLockingFailureException("case_disc_archive of case " + caseId + " was removed");
			}
			DiscArchive d = discs.save(DiscArchive.archive(c, compliance.discRequiredOf(c.getCategory()), discNo,
					archivedOn, LocalDate.now(clock), LocalDateTime.now(clock), CurrentUser.get().username()));
			audit.record("CASE_DISC_ARCHIVED", "case_disc_archive", key(c, d.getId()), "R-52", null, d.describe());
			return d;
		}
		DiscArchive d = existing.get();
		requireVersion("case_disc_archive", d.getId(), d.getVersion(), version);
		String before = d.describe();
		d.change(c, compliance.discRequiredOf(c.getCategory()), discNo, archivedOn, LocalDate.now(clock));
		DiscArchive saved = discs.save(d);
		audit.record("CASE_DISC_CHANGED", "case_disc_archive", key(c, d.getId()), "R-52", before, saved.describe());
		return saved;
	}

	@Transactional
	void deleteDisc(long caseId, Integer version) {
		CaseFile c = recordableCase(caseId);
		DiscArchive d = discs.findByCaseId(caseId).orElseThrow(() -> notFound("recording.notFound.disc"));
		requireVersion("case_disc_archive", d.getId(), d.getVersion(), version);
		discs.delete(d);
		audit.record("CASE_DISC_DELETED", "case_disc_archive", key(c, d.getId()), "R-52", d.describe(), null);
	}

	/**
	 * The people named by 工号 (separated by spaces, commas, 、 or semicolons), in one query.
	 * @throws Refusal naming every 工号 not found
	 */
	List<Present> present(String text) {
		LinkedHashSet<String> nos = new LinkedHashSet<>();
		if (text != null) {
			Arrays.stream(text.split("[\\s,，、;；]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(nos::add);
		}
		if (nos.isEmpty()) {
			return List.of();
		}
		Map<String, Present> byNo = new HashMap<>();
		jdbc.sql("""
				select id, employee_no, name, category from person
				where bureau_id = cq_bureau() and employee_no in (:nos)""")
			.param("nos", List.copyOf(nos))
			.query(rs -> {
				byNo.put(rs.getString("employee_no"), new Present(rs.getLong("id"), rs.getString("employee_no"),
						rs.getString("name"), "FORMAL".equals(rs.getString("category"))));
			});
		List<String> unknown = nos.stream().filter(n -> !byNo.containsKey(n)).toList();
		if (!unknown.isEmpty()) {
			throw Refusal.of("recording.refused.unknownPresent", String.join("、", unknown));
		}
		return nos.stream().map(byNo::get).toList();
	}

	private static void requireVersion(String entity, long id, Integer current, Integer seen) {
		if (!Objects.equals(current, seen)) {
			throw new OptimisticLockingFailureException(entity + " " + id + " is at version " + current
					+ ", form had " + seen);
		}
	}

	private static Refusal duplicateVideo(CaseFile c, CaseVideo v) {
		return Refusal.of("recording.refused.duplicateVideo", c.getCaseNo(), v.getVideoNo());
	}

	/** Not there, or out of the user's scope (then its existence is not revealed): 404 with what was not found. */
	private static Refusal notFound(String key) {
		return Refusal.of(key).withStatus(HttpStatus.NOT_FOUND);
	}

	private static String key(CaseFile c, Long id) {
		return c.getCaseNo() + " " + id;
	}

}
