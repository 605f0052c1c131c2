-- Each office picks how its CSV downloads separate cells and write decimals
-- (issue 17): Excel set to Indonesian reads ";" and a decimal comma.
ALTER TABLE offices ADD COLUMN csv_locale TEXT NOT NULL DEFAULT 'id';
