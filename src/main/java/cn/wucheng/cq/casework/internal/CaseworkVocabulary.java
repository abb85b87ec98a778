package cn.wucheng.cq.casework.internal;

import java.util.List;

import cn.wucheng.cq.cases.CaseFile;
import cn.wucheng.cq.shared.InputVocabulary;

/** Words casework reads or stores as data, not text it shows (issue 15 item 3). */
@InputVocabulary("case sources stored with a registered case; the suffix of a squad's name")
final class CaseworkVocabulary {

	/** 案件来源 as IMPORT.md writes them and the case file stores them; 路面查处 first. */
	static final List<String> SOURCES = List.of(CaseFile.ROADSIDE, "投诉举报", "巡查发现", "部门移送");

	/** A squad's name ends so ("执法一中队"); attachment 2's title names the squad without it. */
	static final String SQUAD_SUFFIX = "中队";

	private CaseworkVocabulary() {
	}

}
