/**
 * Publication of a quarter's scores (公示), appeals and finalisation: exposed to other modules as the scoring
 * module's named interface "publication" (the demo bureau publishes a quarter and files appeals through it).
 */
@org.springframework.modulith.NamedInterface("publication")
package cn.wucheng.cq.scoring.publication;
