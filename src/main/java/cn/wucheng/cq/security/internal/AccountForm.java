package cn.wucheng.cq.security.internal;

import cn.wucheng.cq.security.Role;

/**
 * The admin's form for one account: on create the username is entered, on edit it is fixed and {@code version}
 * guards against overwriting someone else's change.
 */
public class AccountForm {

	private String username;

	private String displayName;

	private Role role;

	private Long unitId;

	/** 工号 of the person the account belongs to; required for an officer (执法人员). */
	private String employeeNo;

	private Integer version;

	/** The city whose bureaus a city account (市局法制处, 市局督查) compares (issue 16 item 3). */
	private String city;

	static AccountForm from(Account a) {
		AccountForm f = new AccountForm();
		f.username = a.username();
		f.displayName = a.displayName();
		f.role = a.role();
		f.unitId = a.unitId();
		f.employeeNo = a.employeeNo();
		f.version = a.version();
		f.city = a.city();
		return f;
	}

	String trimmedUsername() {
		return username == null ? "" : username.trim();
	}

	String trimmedDisplayName() {
		return displayName == null ? "" : displayName.trim();
	}

	String trimmedEmployeeNo() {
		return employeeNo == null ? "" : employeeNo.trim();
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public Role getRole() {
		return role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public Long getUnitId() {
		return unitId;
	}

	public void setUnitId(Long unitId) {
		this.unitId = unitId;
	}

	public String getEmployeeNo() {
		return employeeNo;
	}

	public void setEmployeeNo(String employeeNo) {
		this.employeeNo = employeeNo;
	}

	public String getCity() {
		return city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	String trimmedCity() {
		return city == null ? "" : city.trim();
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
