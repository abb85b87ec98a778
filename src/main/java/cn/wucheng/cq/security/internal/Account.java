package cn.wucheng.cq.security.internal;

import java.time.LocalDateTime;

import cn.wucheng.cq.security.Role;

/**
 * One account as the admin pages show it: the {@code app_user} row with its unit's name and person's 工号/姓名.
 * {@code locked} is evaluated when read (locked_until in the future); {@code city} is a city account's (issue 16 item 3).
 */
public record Account(long id, String username, String displayName, Role role, Long unitId, String unitName, Long personId,
		String employeeNo, String personName, boolean enabled, boolean locked, LocalDateTime lockedUntil,
		boolean mustChangePassword, int version, LocalDateTime createdAt, LocalDateTime passwordChangedAt,
		boolean secondFactor, String city) {

}
