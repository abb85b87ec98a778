package cn.wucheng.cq.recording.internal;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The disc archive of a case: number, date, and the version the user saw when changing it. */
public class DiscForm implements java.io.Serializable {

	// flashed across the redirect when refused, so kept in the session, which lives in the database (issue 16)
	private static final long serialVersionUID = 1L;

	private String discNo;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate archivedOn;

	private Integer version;

	static DiscForm of(DiscArchive d) {
		DiscForm f = new DiscForm();
		f.discNo = d.getDiscNo();
		f.archivedOn = d.getArchivedOn();
		f.version = d.getVersion();
		return f;
	}

	public String getDiscNo() {
		return discNo;
	}

	public void setDiscNo(String discNo) {
		this.discNo = discNo;
	}

	public LocalDate getArchivedOn() {
		return archivedOn;
	}

	public void setArchivedOn(LocalDate archivedOn) {
		this.archivedOn = archivedOn;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
