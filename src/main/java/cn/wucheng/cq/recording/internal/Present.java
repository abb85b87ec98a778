package cn.wucheng.cq.recording.internal;

/** A person present at an inquiry, as the rules need him: formal officer or auxiliary. */
record Present(long id, String employeeNo, String name, boolean formal) {

	String label() {
		return name + "（" + employeeNo + "）";
	}

}
