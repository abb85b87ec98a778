package cn.wucheng.cq.reviews.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.reviews.DeductionItem;
import cn.wucheng.cq.reviews.DeductionItemRepository;
import cn.wucheng.cq.shared.Refusal;

/**
 * The deduction catalogue (案件质量评查标准, R-21): adds and changes items, each change audited in its transaction.
 * Changing an item's points does not touch returns already recorded: they keep the points in force at the time.
 */
@Service
class DeductionCatalogue {

	private final DeductionItemRepository items;

	private final AuditLog audit;

	DeductionCatalogue(DeductionItemRepository items, AuditLog audit) {
		this.items = items;
		this.audit = audit;
	}

	List<DeductionItem> all() {
		return items.findAllByOrderByCode();
	}

	Optional<DeductionItem> find(long id) {
		return items.findById(id);
	}

	@Transactional
	DeductionItem add(String code, String text, BigDecimal points, boolean active) {
		if (items.findByCode(code.trim()).isPresent()) {
			throw Refusal.onField("code", "deductionItems.error.codeTaken", code);
		}
		DeductionItem item = new DeductionItem(code, text, points);
		item.change(text, points, active);
		DeductionItem saved = items.save(item);
		audit.record("DEDUCTION_ITEM_CREATED", "deduction_item", saved.getCode(), "R-21", null, describe(saved));
		return saved;
	}

	/**
	 * Changes text, points and whether the item is in use.
	 * @throws OptimisticLockingFailureException when someone changed the item since {@code seenVersion}
	 */
	@Transactional
	DeductionItem change(long id, Integer seenVersion, String text, BigDecimal points, boolean active) {
		DeductionItem item = items.findById(id).orElseThrow(() -> new java.util.NoSuchElementException("deduction item " + id));
		if (!Objects.equals(item.getVersion(), seenVersion)) {
			throw new OptimisticLockingFailureException("deduction item " + item.getCode() + " changed");
		}
		String before = describe(item);
		item.change(text, points, active);
		DeductionItem saved = items.save(item); // the @Version check also catches a change between read and write
		String after = describe(saved);
		if (!before.equals(after)) {
			audit.record("DEDUCTION_ITEM_CHANGED", "deduction_item", saved.getCode(), "R-21", before, after);
		}
		return saved;
	}

	private static String describe(DeductionItem i) {
		return "code=" + i.getCode() + "\ntext=" + i.getText() + "\npoints=" + i.getPoints().stripTrailingZeros().toPlainString()
				+ "\nactive=" + i.isActive();
	}

}
