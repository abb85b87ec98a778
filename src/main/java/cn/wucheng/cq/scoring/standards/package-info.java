/**
 * Case-handling standards: exposed to other modules (reports, dashboard) as the scoring module's named
 * interface "standards".
 */
@org.springframework.modulith.NamedInterface("standards")
package cn.wucheng.cq.scoring.standards;
