/** Cases and their two handlers. */
package cn.wucheng.cq.cases;
