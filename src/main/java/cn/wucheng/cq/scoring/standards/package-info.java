/**
 * The case-handling standard: exposed to other modules (e.g. supervision's task status and assessment
 * exports) as the named interface "standards".
 */
@org.springframework.modulith.NamedInterface("standards")
package cn.wucheng.cq.scoring.standards;
