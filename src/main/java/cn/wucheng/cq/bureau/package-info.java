/**
 * The bureau (执法局), the top of the organisation (issue 16): every unit, person, case and programme record belongs to
 * one, and every rule is evaluated within one. {@link cn.wucheng.cq.bureau.Bureaus} says which bureau the current
 * work is for; the database module hands that to PostgreSQL, whose row-level security keeps bureaus apart.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bureau")
package cn.wucheng.cq.bureau;
