package cn.wucheng.cq.imports.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mapping step's and the edit page's form: a name and, per column of the list (its header of IMPORT.md), the
 * file header chosen ({@code columns[主办人工号]=办案人员编码}); {@code token} names the waiting upload, {@code action}
 * is {@code save} (保存并导入) or {@code once} (仅导入一次).
 */
public class MappingForm {

	private String token;

	private String name;

	private String action;

	private Map<String, String> columns = new LinkedHashMap<>();

	public String getToken() {
		return token;
	}

	public void setToken(String token) {
		this.token = token;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getAction() {
		return action;
	}

	public void setAction(String action) {
		this.action = action;
	}

	public Map<String, String> getColumns() {
		return columns;
	}

	public void setColumns(Map<String, String> columns) {
		this.columns = columns;
	}

	boolean saves() {
		return "save".equals(action);
	}

}
