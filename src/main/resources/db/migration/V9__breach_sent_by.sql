-- Which sender (engine node and job) sent each breach notice, for operators and to show that nodes share the work.
ALTER TABLE breach_recipient ADD COLUMN sent_by VARCHAR(100);
