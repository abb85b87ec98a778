package cn.wucheng.cq.training.internal;

/** What the training rules need to know of a person: who he is and whether he is a formal officer. */
record Trainee(long id, String employeeNo, String name, boolean formal) {

	/** "张三（A001）" for messages. */
	String label() {
		return name + "（" + employeeNo + "）";
	}

}
