/** Accounts, roles and data scope. */
package cn.wucheng.cq.security;
