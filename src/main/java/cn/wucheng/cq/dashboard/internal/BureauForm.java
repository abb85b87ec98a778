package cn.wucheng.cq.dashboard.internal;

import cn.wucheng.cq.bureau.Bureau;

/**
 * The province's form for one bureau (issue 16): opening one names its code, name and city; changing one its name and
 * city (the code stays: it names the bureau in the API's {@code bureau} parameter and in its administrators'
 * usernames). The JSON API binds the same fields.
 */
public class BureauForm {

	private String code;

	private String name;

	private String city;

	static BureauForm from(Bureau bureau) {
		BureauForm form = new BureauForm();
		form.code = bureau.code();
		form.name = bureau.name();
		form.city = bureau.city();
		return form;
	}

	String trimmedCode() {
		return code == null ? "" : code.strip();
	}

	String trimmedName() {
		return name == null ? "" : name.strip();
	}

	/** The city, or null when none is named (only a province account then sees the bureau). */
	String trimmedCity() {
		return city == null || city.isBlank() ? null : city.strip();
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getCity() {
		return city;
	}

	public void setCity(String city) {
		this.city = city;
	}

}
