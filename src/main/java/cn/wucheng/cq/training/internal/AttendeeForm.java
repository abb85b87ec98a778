package cn.wucheng.cq.training.internal;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One attendee as entered on the session page: 工号, signed in, exam score, and whom an auxiliary replaced. */
public class AttendeeForm {

	@NotBlank(message = "{training.attendee.employeeNo.required}")
	@Size(max = 30, message = "{training.attendee.employeeNo.required}")
	private String employeeNo;

	private boolean signedIn;

	@DecimalMin(value = "0", message = "{training.attendee.score.range}")
	@DecimalMax(value = "100", message = "{training.attendee.score.range}")
	@Digits(integer = 3, fraction = 2, message = "{training.attendee.score.range}")
	private BigDecimal score;

	@Size(max = 30, message = "{training.attendee.replacesNo.size}")
	private String replacesNo;

	private Integer version;

	SessionService.AttendeeInput toInput() {
		return new SessionService.AttendeeInput(employeeNo.strip(), signedIn, score,
				replacesNo == null || replacesNo.isBlank() ? null : replacesNo.strip());
	}

	public String getEmployeeNo() {
		return employeeNo;
	}

	public void setEmployeeNo(String employeeNo) {
		this.employeeNo = employeeNo;
	}

	public boolean isSignedIn() {
		return signedIn;
	}

	public void setSignedIn(boolean signedIn) {
		this.signedIn = signedIn;
	}

	public BigDecimal getScore() {
		return score;
	}

	public void setScore(BigDecimal score) {
		this.score = score;
	}

	public String getReplacesNo() {
		return replacesNo;
	}

	public void setReplacesNo(String replacesNo) {
		this.replacesNo = replacesNo;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
