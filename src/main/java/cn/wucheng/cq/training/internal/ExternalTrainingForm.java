package cn.wucheng.cq.training.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * One external training (外部培训, R-62) as the legal section enters it: the same fields as a row of the 培训学时
 * list of IMPORT.md. Hours are exact decimals, more than 0 and at most 200 with two places, as a session's.
 */
public class ExternalTrainingForm {

	@NotBlank(message = "{training.external.employeeNo.required}")
	@Size(max = 30, message = "{training.external.employeeNo.required}")
	private String employeeNo;

	@NotNull(message = "{training.external.trainedOn.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate trainedOn;

	@NotBlank(message = "{training.external.title.required}")
	@Size(max = 200, message = "{training.external.title.size}")
	private String title;

	@NotNull(message = "{training.item.hours.required}")
	@DecimalMin(value = "0", inclusive = false, message = "{training.item.hours.range}")
	@DecimalMax(value = "200", message = "{training.item.hours.range}")
	@Digits(integer = 3, fraction = 2, message = "{training.item.hours.digits}")
	private BigDecimal hours;

	@Size(max = 100, message = "{training.external.organiser.size}")
	private String organiser;

	@Size(max = 100, message = "{training.external.certificateNo.size}")
	private String certificateNo;

	ExternalTrainingService.Entry toEntry() {
		return new ExternalTrainingService.Entry(employeeNo.strip(), trainedOn, title.strip(), hours,
				blankToNull(organiser), blankToNull(certificateNo));
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	public String getEmployeeNo() {
		return employeeNo;
	}

	public void setEmployeeNo(String employeeNo) {
		this.employeeNo = employeeNo;
	}

	public LocalDate getTrainedOn() {
		return trainedOn;
	}

	public void setTrainedOn(LocalDate trainedOn) {
		this.trainedOn = trainedOn;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public BigDecimal getHours() {
		return hours;
	}

	public void setHours(BigDecimal hours) {
		this.hours = hours;
	}

	public String getOrganiser() {
		return organiser;
	}

	public void setOrganiser(String organiser) {
		this.organiser = organiser;
	}

	public String getCertificateNo() {
		return certificateNo;
	}

	public void setCertificateNo(String certificateNo) {
		this.certificateNo = certificateNo;
	}

}
