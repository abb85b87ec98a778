/** Imports of the seven lists of IMPORT.md, all or nothing and idempotent. */
package cn.wucheng.cq.imports;
