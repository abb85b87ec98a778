-- Issue 16 item 3: city and province roles compare bureaus. A bureau belongs to a city (金华市; null: none named,
-- which only a province account sees); a city account (市局法制处, 市局督查) names the city whose bureaus it reads.
-- The bureau table has no policy (every bureau may know the others' names and cities); app_user keeps its policy:
-- a city or province account is one of the bureau whose security administrator opened it.
alter table bureau add column city varchar(50);
alter table app_user add column city varchar(50);
