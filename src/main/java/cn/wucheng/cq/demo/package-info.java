/**
 * Demo data: a deterministic generator of the six import lists of IMPORT.md (a county bureau for "load demo bureau",
 * a province of bureaus for benchmarks), streamed row by row to CSV files, memory or .xlsx.
 */
package cn.wucheng.cq.demo;
