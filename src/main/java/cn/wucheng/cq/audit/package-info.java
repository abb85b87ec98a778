/** The append-only audit log of every state change. */
package cn.wucheng.cq.audit;
