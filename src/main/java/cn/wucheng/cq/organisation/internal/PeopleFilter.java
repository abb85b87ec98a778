package cn.wucheng.cq.organisation.internal;

import cn.wucheng.cq.organisation.Post;
import cn.wucheng.cq.organisation.StaffCategory;

/** The filters of the people list, bound from the query string: 工号/姓名 search, unit, 人员类别, 职务 and page. */
class PeopleFilter {

	private String q;

	private Long unit;

	private StaffCategory category;

	private Post post;

	private Integer page;

	String search() {
		return q == null || q.isBlank() ? null : q.trim();
	}

	public String getQ() {
		return q;
	}

	public void setQ(String q) {
		this.q = q;
	}

	public Long getUnit() {
		return unit;
	}

	public void setUnit(Long unit) {
		this.unit = unit;
	}

	public StaffCategory getCategory() {
		return category;
	}

	public void setCategory(StaffCategory category) {
		this.category = category;
	}

	public Post getPost() {
		return post;
	}

	public void setPost(Post post) {
		this.post = post;
	}

	public Integer getPage() {
		return page;
	}

	public void setPage(Integer page) {
		this.page = page;
	}

}
