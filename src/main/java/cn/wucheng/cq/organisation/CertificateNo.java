package cn.wucheng.cq.organisation;

import cn.wucheng.cq.shared.SurroundingSpace;

/**
 * 执法证号 (law-enforcement certificate number, issue 14): the provincial platform may name a case's handler by it.
 * Optional; the same rule on the person form and in the people import: surrounding spaces of any kind removed, at most
 * {@link #MAX_LENGTH} characters, and held by one person only (the unique index of V6_75, checked before saving so
 * the message can name the holder).
 */
public final class CertificateNo {

	/** The column's width (person.certificate_no varchar(30)); the import's 执法证号 column reads the same. */
	public static final int MAX_LENGTH = 30;

	private CertificateNo() {
	}

	/** The number as stored: without surrounding spaces, null when nothing is left. */
	public static String normalise(String text) {
		String t = SurroundingSpace.strip(text);
		return t.isEmpty() ? null : t;
	}

	/** Characters (code points, as a user counts them) beyond {@link #MAX_LENGTH} make a number too long. */
	public static boolean tooLong(String normalised) {
		return normalised != null && normalised.codePointCount(0, normalised.length()) > MAX_LENGTH;
	}

}
