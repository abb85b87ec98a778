/**
 * Publication of a quarter's points and ranking, appeals and finalisation: exposed to other modules as
 * the scoring module's named interface "publication" (the demo bureau publishes a quarter and files appeals through
 * it; an officer's home shows his appeals and their outcomes).
 */
@org.springframework.modulith.NamedInterface("publication")
package cn.wucheng.cq.scoring.publication;
