package cn.wucheng.cq.scoring.publication;

/** Where a quarter's scores and ranking stand in publication. Labels: publication.state.* */
public enum PublicationState {

	/** 草稿: computed live from the data; only the legal section and the readers of results see the ranking. */
	DRAFT,
	/** 公示中 / 公示期满: published for the notice period, officers see the ranking and may appeal until it ends. */
	PUBLISHED,
	/** 已定稿: final and frozen; read from the snapshot taken at finalisation. */
	FINAL,
	/** 已重新开放: a final quarter re-opened (recorded with a reason); live data again until finalised again. */
	REOPENED;

	/** Whether officers may see the ranking: once published, for good. */
	public boolean visibleToOfficers() {
		return this != DRAFT;
	}

}
