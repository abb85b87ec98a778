package cn.wucheng.cq.organisation;

import org.springframework.data.relational.core.mapping.Table;

/** A domain that a squad manages (管理领域, R-03); part of the {@link Unit} aggregate. */
@Table("unit_domain")
public record ManagedDomain(Long domainId) {
}
