/** Returns with their deductions (退卷扣分, R-21), excellent-file awards and the deduction catalogue. */
package cn.wucheng.cq.reviews;
