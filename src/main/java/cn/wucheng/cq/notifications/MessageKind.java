package cn.wucheng.cq.notifications;

/** What a message is about; the list shows its label (messages-notifications.properties, notifications.kind.*). */
public enum MessageKind {

	/** 待办提醒: an item due or overdue for the user (the reminders, once per item and day). */
	REMINDER,
	/** 案件指派: the user was made a handler of a case. */
	CASE_ASSIGNED,
	/** 申诉结果: the user's appeal against his published points was decided. */
	APPEAL_DECIDED,
	/** 退回修改: something the user's squad submitted was sent back: a case file after legal review (退卷, R-42), the annual training plan, the monthly review list. */
	RETURNED,
	/** 通知: anything else sent through {@link Notifications} (e.g. by the demo bureau). */
	NOTICE

}
