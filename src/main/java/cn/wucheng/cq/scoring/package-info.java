/** The points ledger: quantity, quality and excellence points, rankings, standards and coverage. */
package cn.wucheng.cq.scoring;
