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

import cn.wucheng.cq.training.TrainingSource;

/** The form for a session's date, place, hours and question-bank release date. */
public class SessionForm {

	private Long planId;

	private Integer itemNo;

	/** the organiser of a session of the bureau or 法制科 (none for a squad's session). */
	private TrainingSource organiser;

	/** The topic of a session of the bureau or 法制科; a squad's session takes its item's. */
	@Size(max = 100, message = "{training.session.topic.size}")
	private String topic;

	@NotNull(message = "{training.session.heldOn.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate heldOn;

	@NotBlank(message = "{training.session.place.required}")
	@Size(max = 100, message = "{training.session.place.size}")
	private String place;

	@NotNull(message = "{training.item.hours.required}")
	@DecimalMin(value = "0", inclusive = false, message = "{training.item.hours.range}")
	@DecimalMax(value = "200", message = "{training.item.hours.range}")
	@Digits(integer = 3, fraction = 2, message = "{training.item.hours.digits}")
	private BigDecimal hours;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate bankReleasedOn;

	private Integer version;

	static SessionForm of(TrainingSession s) {
		SessionForm f = new SessionForm();
		f.planId = s.getPlanId();
		f.itemNo = s.getItemNo();
		f.heldOn = s.getHeldOn();
		f.place = s.getPlace();
		f.hours = ItemDraft.plain(s.getHours());
		f.bankReleasedOn = s.getBankReleasedOn();
		f.version = s.getVersion();
		return f;
	}

	/** A new session of the bureau or 法制科, 法制科's by default. */
	static SessionForm forUnits() {
		SessionForm f = new SessionForm();
		f.organiser = TrainingSource.LEGAL;
		return f;
	}

	static SessionForm forItem(long planId, PlanItem item) {
		SessionForm f = new SessionForm();
		f.planId = planId;
		f.itemNo = item.itemNo();
		f.hours = ItemDraft.plain(item.hours());
		return f;
	}

	SessionDetails toDetails() {
		return new SessionDetails(heldOn, place, hours, bankReleasedOn);
	}

	public Long getPlanId() {
		return planId;
	}

	public void setPlanId(Long planId) {
		this.planId = planId;
	}

	public TrainingSource getOrganiser() {
		return organiser;
	}

	public void setOrganiser(TrainingSource organiser) {
		this.organiser = organiser;
	}

	public String getTopic() {
		return topic;
	}

	public void setTopic(String topic) {
		this.topic = topic;
	}

	public Integer getItemNo() {
		return itemNo;
	}

	public void setItemNo(Integer itemNo) {
		this.itemNo = itemNo;
	}

	public LocalDate getHeldOn() {
		return heldOn;
	}

	public void setHeldOn(LocalDate heldOn) {
		this.heldOn = heldOn;
	}

	public String getPlace() {
		return place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public BigDecimal getHours() {
		return hours;
	}

	public void setHours(BigDecimal hours) {
		this.hours = hours;
	}

	public LocalDate getBankReleasedOn() {
		return bankReleasedOn;
	}

	public void setBankReleasedOn(LocalDate bankReleasedOn) {
		this.bankReleasedOn = bankReleasedOn;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
