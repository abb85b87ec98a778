-- R-30, one ranking (issue 15 item 5): a final quarter is ranked from its frozen scores (frozen_score) by the same
-- code as a live one, with the pools and places of frozen_pool; the copy of the ranking made by SQL is no longer
-- written or read. Its rows are what ranking frozen_score gives, so nothing is lost.
drop table frozen_rank;
