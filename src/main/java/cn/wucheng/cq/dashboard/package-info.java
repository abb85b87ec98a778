/**
 * The programme's dashboard (看板) for 法制科, 督查科 and 局领导: points leaders, best handlers, case-handling standards,
 * domain coverage, training hours — and, per squad, review, recording and task compliance — as tables and charts whose
 * figures link to the records behind them. A top module: it reads the other modules' public APIs; none depends on it.
 */
package cn.wucheng.cq.dashboard;
