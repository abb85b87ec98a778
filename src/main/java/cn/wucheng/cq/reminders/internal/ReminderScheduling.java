package cn.wucheng.cq.reminders.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the reminder webhook's job on its cron ({@link ReminderWebhook}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReminderScheduling {

}
