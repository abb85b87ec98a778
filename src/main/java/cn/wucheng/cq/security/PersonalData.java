package cn.wucheng.cq.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.wucheng.cq.audit.AuditLog;
import cn.wucheng.cq.shared.Masking;
import cn.wucheng.cq.shared.Refusals;

/**
 * Who sees a person's phone number and birth date unmasked (个人信息保护). Lists and exports always show them masked
 * ({@link Masking}); a person sees his own in full; on one person's page the legal section (LEGAL) may unmask the
 * phone number — each time is audited ({@code PERSONAL_DATA_UNMASKED}). Nobody else unmasks.
 * <p>
 * For the people pages: {@code phoneOnPage} / {@code birthDateOnPage} to show, {@code mayUnmask(personId)} to offer
 * the "显示完整信息" button, and its POST handler calls {@code unmask(personId, employeeNo, phone, birthDate)} (inside
 * the handler's transaction or its own) and shows the result once.
 */
@Service
public class PersonalData {

	private final AuditLog audit;

	private final Refusals refusals;

	PersonalData(AuditLog audit, Refusals refusals) {
		this.refusals = refusals;
		this.audit = audit;
	}

	/** For lists and exports: always masked. */
	public static String phoneInList(String phone) {
		return Masking.phone(phone);
	}

	/** For lists and exports: always the year only. */
	public static String birthDateInList(java.time.LocalDate birthDate) {
		return Masking.birthDate(birthDate);
	}

	/** On one person's page: his own number in full, anyone else's masked until unmasked. */
	public String phoneOnPage(Long personId, String phone) {
		return isHimself(personId) ? phone : Masking.phone(phone);
	}

	/** On one person's page: his own birth date in full, anyone else's year only. */
	public String birthDateOnPage(Long personId, java.time.LocalDate birthDate) {
		return isHimself(personId) ? (birthDate == null ? null : birthDate.toString()) : Masking.birthDate(birthDate);
	}

	/** Whether the signed-in user may unmask a person's phone number: the legal section. */
	public boolean mayUnmaskPhone() {
		return CurrentUser.find().map(u -> u.role() == Role.LEGAL).orElse(false);
	}

	/** Whether to offer the unmask action on this person's page: the legal section, for anyone but himself. */
	public boolean mayUnmask(Long personId) {
		return mayUnmaskPhone() && !isHimself(personId);
	}

	/** What an unmasking shows once, on that person's page. */
	public record Unmasked(long personId, String phone, String birthDate) implements java.io.Serializable {
	}

	/**
	 * The full phone number and birth date of one person for the legal section, recorded in the audit log (who saw
	 * whose what, when). Anyone else gets {@link AccessDeniedException} (403) and nothing is recorded.
	 */
	@Transactional
	public Unmasked unmask(long personId, String employeeNo, String phone, java.time.LocalDate birthDate) {
		if (!mayUnmaskPhone()) {
			throw new AccessDeniedException("only the legal section unmasks personal data");
		}
		audit.record("PERSONAL_DATA_UNMASKED", "person", employeeNo, refusals.message("security.audit.unmasked", personId), null,
				null);
		return new Unmasked(personId, phone, birthDate == null ? null : birthDate.toString());
	}

	/**
	 * The full phone number of one person for the legal section, recorded in the audit log (who, whose, when).
	 * Anyone else gets {@link AccessDeniedException} (403).
	 */
	@Transactional
	public String unmaskPhone(long personId, String employeeNo, String phone) {
		if (!mayUnmaskPhone()) {
			throw new AccessDeniedException("only the legal section unmasks phone numbers");
		}
		audit.record("PERSONAL_DATA_UNMASKED", "person", employeeNo, refusals.message("security.audit.unmaskedPhone", personId),
				null, null);
		return phone;
	}

	private static boolean isHimself(Long personId) {
		return personId != null
				&& CurrentUser.find().map(u -> u.role().scope() != Role.Scope.NONE && personId.equals(u.personId()))
					.orElse(false);
	}

}
