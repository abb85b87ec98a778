-- Issue 16: usernames are unique in the installation (app_user.username), but the application's role sees only the
-- accounts of the request's bureau (the bureau policy on app_user). Opening accounts — 开通账号, a new account, a new
-- bureau's first administrators — asks which of the names it means to give are held in any bureau, so that it refuses
-- or skips them instead of failing on the unique constraint. With the owner's rights, like cq_account_bureau (9.01), and
-- answering only those of the given names that are taken (compared without case, as the account form does), nothing
-- else of another bureau's accounts.
create function cq_usernames_taken(candidates varchar[]) returns setof varchar language sql stable security definer
    set search_path = pg_catalog, public as $$
    select u.username from app_user u where lower(u.username) in (select lower(c) from unnest(candidates) c)
$$;
