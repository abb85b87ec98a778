/**
 * Domain coverage: exposed to other modules (reports, dashboard) as the scoring module's named interface
 * "coverage".
 */
@org.springframework.modulith.NamedInterface("coverage")
package cn.wucheng.cq.scoring.coverage;
