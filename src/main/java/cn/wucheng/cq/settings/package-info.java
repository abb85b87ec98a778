/** Defaults of RULES.md that the legal section can change, and the yearly case-handling standard. */
package cn.wucheng.cq.settings;
