/**
 * Messages (站内消息): a message centre per account — the unread count in the top bar, the list, marking read. Fed by
 * the daily reminders (what each user should act on, once per item and day) and by events of other modules that
 * concern a person (a case assigned to him, his appeal decided, a case file or a training plan sent back to his squad). Depends on the
 * modules whose events it listens to; none depends on it. The DingTalk webhook of the reminders stays as it is.
 */
package cn.wucheng.cq.notifications;
