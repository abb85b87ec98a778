package cn.wucheng.cq.supervision.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.organisation.UnitType;
import cn.wucheng.cq.rollout.Rollout;
import cn.wucheng.cq.rollout.RolloutBatch;
import cn.wucheng.cq.security.CurrentUser;
import cn.wucheng.cq.shared.Refusal;
import cn.wucheng.cq.shared.Refusals;
import cn.wucheng.cq.supervision.TaskEvidence;
import cn.wucheng.cq.supervision.TaskStatus;
import cn.wucheng.cq.supervision.TaskStatusSource;

/**
 * The key tasks as they stand on a day: each task's status comes from the data when a
 * {@link TaskStatusSource} can tell it (系统抓取), else from what the legal section or supervision set by hand; a
 * task not done whose deadline has passed is 逾期. Squad roles see the tasks that concern their squad category.
 */
@Service
public class TaskBoard {

	/** A task on a day: its status, whether it was computed, the note behind it, its deadline and evidence count. */
	public record TaskView(SupervisionTask task, TaskStatus status, boolean computed, String note,
			TaskDeadlines.Deadline deadline, boolean overdue, int evidence) {

		public String code() {
			return task.code();
		}

	}

	private final SupervisionTaskRepository tasks;

	private final ObjectProvider<TaskStatusSource> sources;

	private final TaskDeadlines deadlines;

	private final Rollout rollout;

	private final SupervisionFiles files;

	private final AuditLog audit;

	private final Refusals refusals;

	private final JdbcClient jdbc;

	TaskBoard(SupervisionTaskRepository tasks, ObjectProvider<TaskStatusSource> sources, TaskDeadlines deadlines,
			Rollout rollout, SupervisionFiles files, AuditLog audit, Refusals refusals, JdbcClient jdbc) {
		this.refusals = refusals;
		this.tasks = tasks;
		this.sources = sources;
		this.deadlines = deadlines;
		this.rollout = rollout;
		this.files = files;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/** Every task the user may see, by number, as on {@code today}. */
	@Transactional(readOnly = true)
	public List<TaskView> board(CurrentUser user, LocalDate today) {
		List<RolloutBatch> batches = rollout.batches();
		Map<Long, Integer> counts = files.countsPerTask(user);
		Optional<UnitType> squadType = squadTypeOf(user);
		return tasks.findAllByOrderByTaskNo()
			.stream()
			.filter(t -> visible(t, user, squadType))
			.map(t -> view(t, today, batches, counts.getOrDefault(t.getId(), 0)))
			.toList();
	}

	/** One task the user may see, or 404. */
	@Transactional(readOnly = true)
	TaskView one(long id, CurrentUser user, LocalDate today) {
		SupervisionTask t = tasks.findById(id)
			.filter(task -> visible(task, user, squadTypeOf(user)))
			.orElseThrow(TaskBoard::noSuchTask);
		return view(t, today, rollout.batches(), files.countsPerTask(user).getOrDefault(t.getId(), 0));
	}

	/** Sets a task's status by hand (legal section, supervision); refused when the system computes it. */
	@Transactional
	TaskView setStatus(long id, Integer shownVersion, TaskStatus status, String note, CurrentUser user,
			LocalDate today) {
		SupervisionTask t = tasks.findById(id).orElseThrow(TaskBoard::noSuchTask);
		if (shownVersion != null && !shownVersion.equals(t.getVersion())) {
			throw new OptimisticLockingFailureException("task " + id + " changed");
		}
		if (computed(t.code(), today).isPresent()) {
			throw Refusal.of("supervision.refused.computedStatus", t.getTaskNo());
		}
		String before = statusText(t);
		t.setStatus(status, note, user.username(), today);
		SupervisionTask saved = tasks.save(t);
		audit.record("SUPERVISION_TASK_STATUS", "supervision_task", t.code(),
				refusals.message("supervision.audit.taskStatus", t.getTaskNo(), status.label()), before,
				statusText(saved));
		return view(saved, today, rollout.batches(), 0);
	}

	/** The audit log's before/after of a task's status, in the bureau's words (the audit page shows it as written). */
	private String statusText(SupervisionTask t) {
		return refusals.message("supervision.audit.taskStatusText",
				t.getManualStatus() == null ? "" : t.getManualStatus().label(), Objects.toString(t.getStatusNote(), ""));
	}

	/** Not there, or not the user's to see (404). */
	static Refusal noSuchTask() {
		return Refusal.of("supervision.notFound.task").withStatus(HttpStatus.NOT_FOUND);
	}

	/** Whether the user may see the task: readers of all see every task, a squad role those of his category. */
	static boolean visible(SupervisionTask t, CurrentUser user, Optional<UnitType> squadType) {
		if (user.readsAll()) {
			return true;
		}
		Set<UnitType> concerned = t.concernedSquadTypes();
		return user.unitFilter().isPresent() && user.personFilter().isEmpty() && squadType.isPresent()
				&& concerned.contains(squadType.get());
	}

	/** The type of the user's unit when he is a squad role of a squad. */
	Optional<UnitType> squadTypeOf(CurrentUser user) {
		if (user.unitFilter().isEmpty() || user.personFilter().isPresent()) {
			return Optional.empty();
		}
		return jdbc.sql("select type from unit where id = :id")
			.param("id", user.unitFilter().get())
			.query(String.class)
			.optional()
			.map(UnitType::valueOf);
	}

	/** Whether the user may upload evidence to the task for his squad (a squad role whose category it concerns). */
	boolean squadMayUpload(TaskView view, CurrentUser user) {
		return !user.readsAll() && visible(view.task(), user, squadTypeOf(user));
	}

	Optional<TaskEvidence> computed(String code, LocalDate today) {
		return sources.orderedStream().map(s -> s.statusOf(code, today)).flatMap(Optional::stream).findFirst();
	}

	private TaskView view(SupervisionTask t, LocalDate today, List<RolloutBatch> batches, int evidence) {
		Optional<TaskEvidence> data = computed(t.code(), today);
		TaskStatus base = data.map(TaskEvidence::status).orElseGet(() -> t.manualStatusOn(today));
		String note = data.map(TaskEvidence::note).orElse(t.getStatusNote());
		TaskDeadlines.Deadline deadline = deadlines.of(t, today, batches);
		boolean overdue = base == TaskStatus.OVERDUE || base != TaskStatus.DONE && deadline.passed(today);
		if (data.isEmpty() && t.getDeadlineKind() == DeadlineKind.MONTHLY) {
			// each month is a round: last month's round, once its deadline passed, must have been done in or after it
			for (YearMonth m : List.of(YearMonth.from(today).minusMonths(1), YearMonth.from(today))) {
				LocalDate due = deadlines.monthly(t, m);
				if (today.isAfter(due) && !t.doneFor(m)) {
					overdue = true;
					deadline = new TaskDeadlines.Deadline(due, List.of());
					break;
				}
			}
		}
		return new TaskView(t, overdue ? TaskStatus.OVERDUE : base, data.isPresent(), note, deadline, overdue,
				evidence);
	}

}
