package cn.wucheng.cq.casework.internal;

import java.time.YearMonth;

import org.springframework.stereotype.Component;

/** Behind {@link cn.wucheng.cq.casework.CaseworkWork}: the review and list services at the record's current version. */
@Component
public class CaseworkActions {

	private final Assignments assignments;

	private final SimpleCases simpleCases;

	private final ReviewLists lists;

	private final ReviewListRepository listRepository;

	CaseworkActions(Assignments assignments, SimpleCases simpleCases, ReviewLists lists,
			ReviewListRepository listRepository) {
		this.assignments = assignments;
		this.simpleCases = simpleCases;
		this.lists = lists;
		this.listRepository = listRepository;
	}

	public void reviewSimpleCase(long caseId, boolean subjectOk, boolean partyOk, boolean evidenceOk, boolean lawOk,
			boolean recordOk, String note) {
		Assignments.CaseView c = assignments.view(caseId);
		simpleCases.record(c, new SimpleReview.Checklist(subjectOk, partyOk, evidenceOk, lawOk, recordOk, c.videoNo(),
				note), simpleCases.review(caseId).map(SimpleReview::getVersion).orElse(null));
	}

	public void signList(long unitId, YearMonth month) {
		lists.sign(unitId, month, version(unitId, month));
	}

	public void submitList(long unitId, YearMonth month) {
		lists.submit(unitId, month, version(unitId, month));
	}

	private Integer version(long unitId, YearMonth month) {
		return listRepository.findByUnitIdAndListYearAndListMonth(unitId, month.getYear(), month.getMonthValue())
			.map(ReviewList::getVersion)
			.orElse(null);
	}

}
