/** Imports of the six lists of IMPORT.md, all or nothing and idempotent. */
package cn.wucheng.cq.imports;
