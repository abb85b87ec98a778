-- Issue 16 item 4: each scheduled job (reminder messages, the DingTalk webhook, the drop folder, clean-ups) runs once
-- per cluster, not once per instance. ShedLock's table (net.javacrumbs.shedlock, JdbcTemplateLockProvider): a job
-- runs only while its row's lock_until, set from the database's clock, is in the future for this instance.
create table shedlock (
    name       varchar(64)  not null,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null,
    constraint shedlock_pk primary key (name)
);
