/** Units, people and the enforcement-domain catalogue. */
package cn.wucheng.cq.organisation;
