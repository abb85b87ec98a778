/**
 * Domain coverage: exposed to other modules (e.g. supervision's task status, reports and assessment exports)
 * as the named interface "coverage".
 */
@org.springframework.modulith.NamedInterface("coverage")
package cn.wucheng.cq.scoring.coverage;
