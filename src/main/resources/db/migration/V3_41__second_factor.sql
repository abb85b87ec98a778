-- TOTP second factor (RFC 6238), required for the three administrators, optional for others
-- (security/internal/SecondFactorService). The secret is AES-GCM encrypted; totp_last_step is the time step of the
-- last code accepted, so a code is never accepted twice.
alter table app_user add column totp_secret varchar(200);
alter table app_user add column totp_enabled boolean not null default false;
alter table app_user add column totp_last_step bigint;
