package cn.wucheng.cq.organisation;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import cn.wucheng.cq.shared.Refusal;

/** An enforcement domain (执法领域) of the catalogue. */
@Table("domain")
public class Domain {

	@Id
	private Long id;

	private String code;

	private String name;

	private int sortOrder;

	@Version
	private Integer version;

	protected Domain() {
	}

	public Domain(String code, String name, int sortOrder) {
		this.code = blankToNull(code);
		this.name = requireText(name, "organisation.required.domainName");
		this.sortOrder = sortOrder;
	}

	public void change(String code, String name) {
		this.code = blankToNull(code);
		this.name = requireText(name, "organisation.required.domainName");
	}

	/** The value stripped; blank is refused with the message {@code key} ("… 不能为空"). */
	static String requireText(String value, String key) {
		if (value == null || value.isBlank()) {
			throw Refusal.of(key);
		}
		return value.trim();
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	public Long getId() {
		return id;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public int getSortOrder() {
		return sortOrder;
	}

	public Integer getVersion() {
		return version;
	}

}
