package cn.wucheng.cq.reviews.internal.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.shared.Refusal;

/**
 * The editable evaluation standard (评查标准, R-43): 法制科 adds and changes items; each change is audited. Changing an
 * item does not touch evaluations already submitted: they keep the points they deducted.
 */
@Service
class EvaluationStandard {

	private final EvaluationItemRepository items;

	private final AuditLog audit;

	EvaluationStandard(EvaluationItemRepository items, AuditLog audit) {
		this.items = items;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	List<EvaluationItem> all() {
		return items.findAllByOrderBySortOrderAscCodeAsc();
	}

	@Transactional(readOnly = true)
	List<EvaluationItem> active() {
		return all().stream().filter(EvaluationItem::isActive).toList();
	}

	@Transactional(readOnly = true)
	Optional<EvaluationItem> find(long id) {
		return items.findById(id);
	}

	@Transactional
	EvaluationItem add(String code, String text, BigDecimal points, boolean veto, boolean active, int sortOrder) {
		if (items.findByCode(code.strip()).isPresent()) {
			throw Refusal.of("evaluation.refused.codeTaken", code.strip());
		}
		EvaluationItem item = new EvaluationItem(code, text, points, veto, sortOrder);
		item.change(text, points, veto, active, sortOrder);
		EvaluationItem saved = items.save(item);
		audit.record("EVALUATION_ITEM_CREATED", "evaluation_item", saved.getCode(), "R-43", null, saved.describe());
		return saved;
	}

	@Transactional
	EvaluationItem change(long id, Integer seenVersion, String text, BigDecimal points, boolean veto, boolean active,
			int sortOrder) {
		EvaluationItem item = items.findById(id).orElseThrow(() -> new NoSuchElementException("evaluation item " + id));
		if (!Objects.equals(item.getVersion(), seenVersion)) {
			throw new OptimisticLockingFailureException("evaluation item " + item.getCode() + " changed");
		}
		String before = item.describe();
		item.change(text, points, veto, active, sortOrder);
		EvaluationItem saved = items.save(item);
		if (!before.equals(saved.describe())) {
			audit.record("EVALUATION_ITEM_CHANGED", "evaluation_item", saved.getCode(), "R-43", before,
					saved.describe());
		}
		return saved;
	}

}
