-- Findings and their events are inserted set-based, one nextval per row, so the sequences count by one. Ids already
-- handed out in blocks of 50 lie below the sequences' current values and stay unique.
alter sequence finding_seq increment by 1;
alter sequence finding_event_seq increment by 1;
