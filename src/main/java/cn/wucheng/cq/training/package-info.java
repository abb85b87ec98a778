/**
 * Training (全方位培训, R-60–R-62): the directly-affiliated squads' annual training plans and their coordination by
 * the legal section, sessions held from coordinated plans with attendance, question-bank date and exam scores, and
 * each formal officer's training hours of the year.
 */
package cn.wucheng.cq.training;
