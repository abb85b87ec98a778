/**
 * Full-process recording (全过程记录, R-50–R-52): a case's audio/video records, its inquiries (调查询问) with who was
 * present, and the disc its recordings were archived on; and the compliance gaps per squad and month, from each
 * squad's rollout start. {@link cn.wucheng.cq.recording.RecordingCompliance} is the read API for other
 * modules (dashboard, reports).
 */
package cn.wucheng.cq.recording;
