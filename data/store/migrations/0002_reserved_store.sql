-- Step 2 is the store branch's (TEAM.md: store → 0002, combine → 0003). This
-- file only keeps the numbering of step 3 unbroken on the combine branch, and
-- is dropped when the store branch's 0002 is merged.
SELECT 1;
